package org.opensspr.api;

/**
 * A user's sign-in at the lock screen with a Temporary Access Pass instead of a password; it opens the user's
 * security info to register methods.
 *
 * @param locale the lock screen's language (BCP 47); en-US if absent
 */
public record PassSignInRequest(String userName, String pass, @OptionalField String locale) {
    @Override
    public String toString() {
        return "PassSignInRequest[userName=" + userName + ", pass=" + Redacted.mark(pass) + ", locale=" + locale + "]";
    }
}
