package org.opensspr.password;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an on-premises directory refused a new password, as far as the directory said. The API sends
 * {@link #wire()} as the field error's code, so a kiosk can word it in the user's language.
 */
public enum DirectoryRefusal {
    /** Fewer characters than the directory's minimum. */
    TOO_SHORT,
    /** More characters than the directory allows (OpenLDAP's pwdMaxLength). */
    TOO_LONG,
    /** AD's complexity rule, or ppolicy's quality check. */
    COMPLEXITY,
    /** One of the last N passwords. */
    HISTORY,
    /** Changed too recently (minimum password age). */
    MIN_AGE,
    /** One of the directory's rules, without saying which (Windows AD's plain 0000052D). */
    POLICY,
    /** A change whose current password the directory didn't accept. */
    WRONG_CURRENT_PASSWORD,
    /** The directory has the account locked. */
    LOCKED,
    /** The account is protected (AD's adminCount=1): self-service doesn't change it. */
    PROTECTED_ACCOUNT,
    /** A refusal we can't name. */
    OTHER;

    private static final String PREFIX = "DIRECTORY_";

    /** The field error code, e.g. {@code DIRECTORY_TOO_SHORT}. */
    public String wire() {
        return PREFIX + name();
    }

    /** Reads a field error code; empty for codes that aren't a directory refusal (or come from a newer server). */
    public static Optional<DirectoryRefusal> fromWire(String code) {
        if (code == null || !code.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.substring(PREFIX.length()).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
