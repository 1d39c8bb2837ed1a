package org.opensspr.server.reset;

import org.opensspr.password.DirectoryRefusal;

/**
 * The kiosk API's English words for each reason a directory refuses a new password; the kiosk words them
 * itself from the field error's code ({@link DirectoryRefusal#wire()}), in the user's language.
 */
final class DirectoryRefusalMessages {
    private DirectoryRefusalMessages() {
    }

    static String of(DirectoryRefusal reason) {
        return switch (reason) {
            case TOO_SHORT -> "Your organization's directory needs a longer password.";
            case TOO_LONG -> "Your organization's directory needs a shorter password.";
            case COMPLEXITY -> "Your organization's directory needs a more complex password: use at least three of"
                    + " upper-case letters, lower-case letters, digits and symbols, and not your account name or"
                    + " parts of your name.";
            case HISTORY -> "You have used this password before; your organization's directory needs a new one.";
            case MIN_AGE -> "Your password was changed too recently; your organization's directory doesn't allow"
                    + " another change yet. Try again later or contact your help desk.";
            case POLICY -> "Your organization's directory didn't accept this password: it doesn't meet its length,"
                    + " complexity or history rules.";
            case WRONG_CURRENT_PASSWORD -> "Your organization's directory didn't accept your current password.";
            case LOCKED -> "Your account is locked in your organization's directory; contact your help desk.";
            case PROTECTED_ACCOUNT -> "This account is protected in your organization's directory; self-service"
                    + " can't change its password. Contact your help desk.";
            case OTHER -> "Your organization's directory didn't accept this password.";
        };
    }
}
