package org.opensspr.server.phone;

import java.util.Objects;

/**
 * A phone number the server can dial: E.164 ({@code +14255550123}) and, for an office phone, the
 * extension to dial once the call connects. Stored as {@code +14255550123;ext=123} (RFC 3966's extension).
 */
public record PhoneNumber(String e164, String extension) {
    private static final String EXT = ";ext=";
    private static final String HIDDEN = "•••";

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("Not an E.164 number");
        }
        extension = extension == null ? "" : extension;
        if (!extension.matches("[0-9]{0,10}")) {
            throw new IllegalArgumentException("An extension is up to 10 digits");
        }
    }

    /** The outbox's recipient: E.164 with the extension, if any. */
    public String stored() {
        return extension.isEmpty() ? e164 : e164 + EXT + extension;
    }

    /** Reads what {@link #stored()} wrote. */
    public static PhoneNumber fromStored(String stored) {
        int ext = stored.indexOf(EXT);
        return ext < 0 ? new PhoneNumber(stored, "") : new PhoneNumber(stored.substring(0, ext), stored.substring(ext + EXT.length()));
    }

    /**
     * What a kiosk may show before the user proved anything: the country code and the last two digits,
     * "+1 ••• ••• 42 ext. 123". The extension is no secret: it is the company's switchboard's.
     */
    public String masked(int countryCode) {
        String shown = "+" + countryCode + " " + HIDDEN + " " + HIDDEN + " " + e164.substring(e164.length() - 2);
        return extension.isEmpty() ? shown : shown + " ext. " + extension;
    }
}
