package org.opensspr.kiosk.i18n;

import java.util.Locale;

/** The languages the kiosk speaks, each named in itself so that anyone can find their own in the picker. */
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

    /** Three letters for the corner button, as Windows shows the input language. */
    public String shortName() {
        return shortName;
    }

    /** The language for a requested locale (--mkt or the system's); English when the kiosk doesn't speak it. */
    public static Language forLocale(Locale requested) {
        if (requested != null) {
            for (Language language : values()) {
                if (language.locale.getLanguage().equals(requested.getLanguage())) {
                    return language;
                }
            }
        }
        return ENGLISH;
    }
}
