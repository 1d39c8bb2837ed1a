package org.opensspr.server.delivery;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Composes — never sends — the text of a code's SMS, the script a call reads out, and an app notification's
 * words, in the language of the person at the lock screen (English and Spanish now; else English).
 */
public final class PhoneMessages {
    private static final String BUNDLE = "org.opensspr.server.delivery.PhoneMessages";
    private static final String DEFAULT_ORGANIZATION = "OpenSSPR";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PhoneMessages() {
    }

    /** An SMS: short, one line, the code once. */
    public static String smsCode(Locale locale, String organizationName, String code, Duration validity) {
        return format(locale, "sms.code", organization(organizationName), requireCode(code),
                Long.toString(validity.toMinutes()));
    }

    /** What a call says: the code digit by digit, twice, so a listener can write it down. */
    public static String voiceCode(Locale locale, String organizationName, String code) {
        String spoken = requireCode(code).chars().mapToObj(Character::toString).collect(Collectors.joining(", "));
        return format(locale, "voice.code", organization(organizationName), spoken);
    }

    public static String pushTitle(Locale locale, String organizationName) {
        return format(locale, "push.title", organization(organizationName));
    }

    public static String pushMessage(Locale locale, String organizationName, String userPrincipalName) {
        return format(locale, "push.message", organization(organizationName), userPrincipalName);
    }

    /** A line of the answer page a tap on the notification opens ({@code page.*} keys). */
    public static String page(Locale locale, String key) {
        return format(locale, "page." + key);
    }

    private static String requireCode(String code) {
        if (code == null || !code.matches("[0-9]{4,10}")) {
            throw new IllegalArgumentException("A code to text or read out is 4 to 10 digits");
        }
        return code;
    }

    private static String organization(String name) {
        return name == null || name.isBlank() ? DEFAULT_ORGANIZATION : name.strip();
    }

    private static String format(Locale locale, String key, String... arguments) {
        ResourceBundle text = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale, NO_DEFAULT_LOCALE);
        return new MessageFormat(text.getString(key), text.getLocale()).format(arguments);
    }
}
