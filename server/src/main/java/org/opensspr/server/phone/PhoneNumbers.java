package org.opensspr.server.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads phone numbers as people type them (libphonenumber): "+41 44 668 18 00", "044 668 18 00" in the
 * default region, "+1 206 555 0142 ext. 123". Each refusal says why in words the user can act on.
 */
public final class PhoneNumbers {
    /** What a mobile phone must be able to receive: texts. */
    public enum Kind { MOBILE, OFFICE }

    /** Why a typed number can't be used. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** A stable code: NOT_A_NUMBER, NO_COUNTRY, NOT_POSSIBLE, NOT_VALID, NOT_MOBILE, BAD_EXTENSION. */
        public String code() {
            return code;
        }
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_TYPED = 64;

    private final String defaultRegion;

    /**
     * {@code defaultRegion}: an ISO 3166 country (CH, US) for numbers typed without +; null, blank or a country
     * without a numbering plan of its own (Antarctica): + required.
     */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        this.defaultRegion = UTIL.getSupportedRegions().contains(region) ? region : null;
    }

    /**
     * A number the user typed for registration: it must be a valid number, and for {@link Kind#MOBILE} one
     * that can take texts. {@code extension} (office phones) may be empty; an extension typed inside the
     * number ("ext. 123") counts too.
     */
    public PhoneNumber parse(String typed, String extension, Kind kind) throws Refused {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > MAX_TYPED) {
            throw new Refused("NOT_A_NUMBER", "Enter a phone number, such as +41 44 668 18 00.");
        }
        if (!text.startsWith("+") && defaultRegion == null) {
            throw new Refused("NO_COUNTRY", "Start the number with + and the country code, such as +41 44 668 18 00.");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw new Refused("NOT_A_NUMBER", "'" + text + "' is not a phone number.");
        }
        if (!UTIL.isPossibleNumber(number)) {
            throw new Refused("NOT_POSSIBLE", "'" + text + "' has too few or too many digits for "
                    + region(number) + ".");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new Refused("NOT_VALID", "'" + text + "' is not a number in use in " + region(number) + ".");
        }
        if (kind == Kind.MOBILE) {
            PhoneNumberType type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                throw new Refused("NOT_MOBILE", "'" + text + "' is not a mobile number: it can't receive text messages.");
            }
        }
        String ext = extension == null || extension.isBlank() ? number.getExtension() : extension.strip();
        if (kind == Kind.MOBILE && !ext.isEmpty()) {
            throw new Refused("BAD_EXTENSION", "A mobile number has no extension.");
        }
        if (!ext.matches("[0-9]{0,10}")) {
            throw new Refused("BAD_EXTENSION", "An extension is up to 10 digits.");
        }
        return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), ext);
    }

    /**
     * A number from the directory (an administrator's or a sync's), to dial: written with its country
     * code, and possible; its type isn't second-guessed. Empty when it can't be dialled.
     */
    public static Optional<PhoneNumber> dialable(String stored) {
        if (stored == null || stored.isBlank() || stored.length() > MAX_TYPED) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(stored.strip(), "ZZ");
            if (!UTIL.isPossibleNumber(number) || !number.getExtension().matches("[0-9]{0,10}")) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    number.getExtension()));
        } catch (NumberParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "+1 ••• ••• 42 ext. 123" for a dialable number. */
    public static String masked(PhoneNumber number) {
        try {
            return number.masked(UTIL.parse(number.e164(), "ZZ").getCountryCode());
        } catch (NumberParseException e) {
            throw new IllegalStateException("An E.164 number failed to parse", e);
        }
    }

    /** How a directory number is shown to its owner's administrator: international format. */
    public static String international(PhoneNumber number) {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(number.e164(), "ZZ");
            // Digits in groups separated by spaces, as the directory's contact fields are written.
            String shown = UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL)
                    .replaceAll("[^0-9+]+", " ").strip();
            return number.extension().isEmpty() ? shown : shown + " ext. " + number.extension();
        } catch (NumberParseException e) {
            throw new IllegalStateException("An E.164 number failed to parse", e);
        }
    }

    private static String region(Phonenumber.PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        return region == null || region.equals("ZZ") ? "country code +" + number.getCountryCode()
                : new Locale("", region).getDisplayCountry(Locale.ENGLISH);
    }
}
