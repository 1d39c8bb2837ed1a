package org.opensspr.ui.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the apps speak, each named in itself so that anyone can find their own in a picker. An app
 * whose own bundle lacks a language shows English in it ({@link Messages#load}).
 */
public enum Language {
    ENGLISH(Locale.forLanguageTag("en-US"), "English", "ENG"),
    SPANISH(Locale.forLanguageTag("es-ES"), "Español", "ESP");

    private final Locale locale;
    private final String endonym;
    private final String shortName;

    Language(Locale locale, String endonym, String shortName) {
        this.locale = locale;
        this.endonym = endonym;
        this.shortName = shortName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in the language itself ("Español"). */
    public String endonym() {
        return endonym;
    }

    /** Three letters for the kiosk's corner button, as Windows shows the input language. */
    public String shortName() {
        return shortName;
    }

    /** The ISO 639 code ("en", "es"), as a settings file keeps the choice. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language for a requested locale (--mkt or the system's); English when the apps don't speak it. */
    public static Language forLocale(Locale requested) {
        return spoken(requested).orElse(ENGLISH);
    }

    /** The language of {@code requested} if the apps speak it; empty for any other or none. */
    public static Optional<Language> spoken(Locale requested) {
        if (requested != null) {
            for (Language language : values()) {
                if (language.locale.getLanguage().equals(requested.getLanguage())) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /** A stored {@link #code()} (or any language tag such as "es-MX"); empty when blank or not spoken. */
    public static Optional<Language> ofCode(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        return spoken(Locale.forLanguageTag(stored.strip().replace('_', '-')));
    }

    /**
     * A {@code --mkt} value as in Microsoft's {@code ?mkt=} parameter: "es-es", "es_ES" or "es".
     *
     * @throws IllegalArgumentException when it names no language
     */
    public static Locale market(String text) {
        Locale locale = Locale.forLanguageTag(text.strip().replace('_', '-'));
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("--mkt takes a language such as en-us or es-es, not " + text);
        }
        return locale;
    }
}
