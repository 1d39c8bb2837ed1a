package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.unboundidds.controls.PasswordPolicyErrorType;
import org.opensspr.password.DirectoryRefusal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Names the reason in a directory's refusal text: Samba AD's {@code 0000052D: Constraint violation -
 * check_password_restrictions: the password is too short …}, Windows AD's plain {@code 0000052D} (no
 * reason given: {@link DirectoryRefusal#POLICY}), {@code 00000056} (wrong current password), {@code data
 * 775} (locked), and OpenLDAP ppolicy's texts ("Password fails quality checking policy", …). A reason is
 * only ever named when its words are in the text; anything else is {@link DirectoryRefusal#OTHER}.
 */
final class DirectoryRefusals {
    private record Evidence(DirectoryRefusal reason, Predicate<String> said) {
    }

    /** First match wins: the specific words before AD's generic code, which precedes them in its text. */
    private static final List<Evidence> EVIDENCE = List.of(
            new Evidence(DirectoryRefusal.WRONG_CURRENT_PASSWORD, t -> t.contains("00000056")
                    || t.contains("old password specified doesn't match")),
            new Evidence(DirectoryRefusal.LOCKED, t -> t.contains("data 775") || t.contains("account locked")
                    || t.contains("account is locked")),
            new Evidence(DirectoryRefusal.TOO_SHORT, t -> t.contains("too short")),
            new Evidence(DirectoryRefusal.TOO_LONG, t -> t.contains("too long")),
            new Evidence(DirectoryRefusal.HISTORY, t -> t.contains("history")),
            new Evidence(DirectoryRefusal.MIN_AGE, t -> t.contains("too young")),
            new Evidence(DirectoryRefusal.COMPLEXITY, t -> t.contains("complexity")
                    || t.contains("quality checking")),
            new Evidence(DirectoryRefusal.POLICY, t -> t.contains("0000052d")));

    private DirectoryRefusals() {
    }

    /** The reason the text gives; never throws, whatever the text. */
    static DirectoryRefusal fromText(String directoryText) {
        if (directoryText == null) {
            return DirectoryRefusal.OTHER;
        }
        String text = directoryText.toLowerCase(Locale.ROOT);
        return EVIDENCE.stream().filter(e -> e.said().test(text)).map(Evidence::reason).findFirst()
                .orElse(DirectoryRefusal.OTHER);
    }

    /** Whether {@code directoryText} holds the words that name {@code reason} (what {@link #fromText} goes by). */
    static boolean says(String directoryText, DirectoryRefusal reason) {
        String text = directoryText.toLowerCase(Locale.ROOT);
        return EVIDENCE.stream().anyMatch(e -> e.reason() == reason && e.said().test(text));
    }

    /** OpenLDAP ppolicy's response control names the reason exactly (its error, by name). */
    static Optional<DirectoryRefusal> fromPasswordPolicyError(PasswordPolicyErrorType error) {
        return Optional.ofNullable(switch (error) {
            case PASSWORD_TOO_SHORT -> DirectoryRefusal.TOO_SHORT;
            case INSUFFICIENT_PASSWORD_QUALITY -> DirectoryRefusal.COMPLEXITY;
            case PASSWORD_IN_HISTORY -> DirectoryRefusal.HISTORY;
            case PASSWORD_TOO_YOUNG -> DirectoryRefusal.MIN_AGE;
            case ACCOUNT_LOCKED -> DirectoryRefusal.LOCKED;
            case MUST_SUPPLY_OLD_PASSWORD -> DirectoryRefusal.WRONG_CURRENT_PASSWORD;
            case PASSWORD_EXPIRED, CHANGE_AFTER_RESET, PASSWORD_MOD_NOT_ALLOWED -> null;
        });
    }
}
