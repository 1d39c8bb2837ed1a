package org.opensspr.directory;

/**
 * Contact data as a screen may show it: enough for its owner to recognise, too little for anyone else to
 * harvest ("a•••@f•••.example", "•••• 42"). Used wherever an address or number is shown to someone who has
 * not yet proven who they are, or on a shared screen.
 */
public final class Masking {
    private static final String HIDDEN = "•••";

    private Masking() {
    }

    /** The first character of the mailbox and of the domain, and the domain's last label: a•••@f•••.example. */
    public static String email(String address) {
        if (address == null) {
            return HIDDEN;
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return HIDDEN;
        }
        String domain = trimmed.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String shownDomain = dot <= 0 || dot == domain.length() - 1
                ? domain.charAt(0) + HIDDEN
                : domain.charAt(0) + HIDDEN + domain.substring(dot);
        return trimmed.charAt(0) + HIDDEN + "@" + shownDomain;
    }

    /** The last two digits only: •••• 42. */
    public static String phone(String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return digits.length() < 4 ? "••••" : "•••• " + digits.substring(digits.length() - 2);
    }
}
