package org.opensspr.server.directory;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format rules for directory values, shared by the API and the CSV import. Each check returns the
 * problem, or nothing when the value is fine; "" (not set) is fine wherever a value is optional.
 */
public final class FieldRules {
    public static final int MAX_UPN = 320;
    public static final int MAX_NAME = 256;
    public static final int MAX_DISPLAY_NAME = 512;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_PHONE = 64;
    public static final int MAX_LANGUAGE = 35;
    public static final int MAX_GROUP_NAME = 256;
    public static final int MAX_GROUP_DESCRIPTION = 1024;

    /** Dot-separated labels of letters, digits and inner hyphens. */
    private static final String DOMAIN = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";
    /** Local part: dot-separated runs of the characters mail addresses and UPNs commonly use. */
    private static final String LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
    private static final Pattern ADDRESS = Pattern.compile(LOCAL + "@" + DOMAIN);
    private static final int MAX_LOCAL_PART = 64;
    /** "+<country code> <number>": the country code, one space, then digit groups separated by single spaces. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{0,2} [0-9]+(?: [0-9]+)*(?: ext\\. [0-9]{1,10})?");
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;

    private FieldRules() {
    }

    public static Optional<FieldProblem> required(String field, String value, String label) {
        return value.isEmpty() ? problem(field, "REQUIRED", label + " is required.") : Optional.empty();
    }

    public static Optional<FieldProblem> maxLength(String field, String value, int max, String label) {
        return value.length() > max
                ? problem(field, "TOO_LONG", label + " is longer than " + max + " characters.") : Optional.empty();
    }

    public static Optional<FieldProblem> userPrincipalName(String field, String value) {
        return first(required(field, value, "The user principal name"),
                maxLength(field, value, MAX_UPN, "The user principal name"),
                address(field, value, "The user principal name '" + value + "' must look like name@domain."));
    }

    /** An optional email address. */
    public static Optional<FieldProblem> email(String field, String value, String label) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return first(maxLength(field, value, MAX_EMAIL, label),
                address(field, value, label + " '" + value + "' is not an email address (name@domain)."));
    }

    /** An optional phone number in international format. */
    public static Optional<FieldProblem> phone(String field, String value, String label) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int ext = value.indexOf(" ext. ");
        long digits = (ext < 0 ? value : value.substring(0, ext)).chars().filter(Character::isDigit).count();
        if (value.length() > MAX_PHONE || !PHONE.matcher(value).matches()
                || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
            return problem(field, "INVALID_FORMAT", label + " '" + value + "' must be written +<country code> <number>,"
                    + " e.g. +41 44 668 18 00, with " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS + " digits"
                    + " (an office phone may end with ext. 123).");
        }
        return Optional.empty();
    }

    /** An optional BCP 47 language tag such as "en" or "de-CH", with an ISO 639 language. */
    public static Optional<FieldProblem> languageTag(String field, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String message = "The preferred language '" + value + "' is not a language tag such as en or de-CH.";
        if (value.length() > MAX_LANGUAGE) {
            return problem(field, "INVALID_FORMAT", message);
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            // ISO 639 languages only: BCP 47 also allows 5-8 letter subtags, but none is registered.
            int length = locale.getLanguage().length();
            return length < 2 || length > 3 ? problem(field, "INVALID_FORMAT", message) : Optional.empty();
        } catch (IllformedLocaleException e) {
            return problem(field, "INVALID_FORMAT", message);
        }
    }

    /** The tag as {@link Locale#forLanguageTag} canonicalizes it ("de-ch" becomes "de-CH"); call after the check. */
    public static String canonicalLanguageTag(String value) {
        return value.isEmpty() ? "" : Locale.forLanguageTag(value).toLanguageTag();
    }

    public static Optional<FieldProblem> groupName(String field, String value) {
        return first(required(field, value, "The group name"), maxLength(field, value, MAX_GROUP_NAME, "The group name"),
                value.contains(";") || value.chars().anyMatch(Character::isISOControl)
                        ? problem(field, "INVALID_FORMAT", "A group name can't contain ';' or control characters.")
                        : Optional.empty());
    }

    private static Optional<FieldProblem> address(String field, String value, String message) {
        int at = value.lastIndexOf('@');
        boolean valid = ADDRESS.matcher(value).matches() && at <= MAX_LOCAL_PART;
        return valid ? Optional.empty() : problem(field, "INVALID_FORMAT", message);
    }

    @SafeVarargs
    private static Optional<FieldProblem> first(Optional<FieldProblem>... checks) {
        return List.of(checks).stream().flatMap(Optional::stream).findFirst();
    }

    private static Optional<FieldProblem> problem(String field, String code, String message) {
        return Optional.of(new FieldProblem(field, code, message));
    }
}
