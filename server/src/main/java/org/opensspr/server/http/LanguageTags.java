package org.opensspr.server.http;

import org.opensspr.api.ErrorCode;

import java.util.Locale;

/** The language a lock screen asks for: a BCP 47 tag, normalized, at most 35 characters (the columns' width). */
public final class LanguageTags {
    public static final int MAX_LENGTH = 35;
    public static final String DEFAULT = "en-US";

    private LanguageTags() {
    }

    /**
     * {@code tag} normalized ("es-es" → "es-ES"); {@link #DEFAULT} when blank or not a language.
     *
     * @throws ApiException INVALID_VALUE on {@code field} when longer than {@value #MAX_LENGTH} characters
     */
    public static String normalized(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        if (tag.strip().length() > MAX_LENGTH) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field,
                    "Give a language tag such as en-US (at most " + MAX_LENGTH + " characters).");
        }
        Locale locale = Locale.forLanguageTag(tag.strip());
        String normalized = locale.toLanguageTag();
        return locale.getLanguage().isEmpty() || normalized.length() > MAX_LENGTH ? DEFAULT : normalized;
    }
}
