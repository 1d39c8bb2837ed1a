package org.opensspr.ui.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which language a locale, a stored setting or a {@code --mkt} value names. */
class LanguageTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            es-MX, SPANISH
            es,    SPANISH
            es-ES, SPANISH
            en-GB, ENGLISH
            en,    ENGLISH
            fr-FR, ENGLISH
            """)
    void aLocaleNotSpokenFallsBackToEnglish(String tag, Language expected) {
        assertThat(Language.forLocale(Locale.forLanguageTag(tag))).isEqualTo(expected);
    }

    @Test
    void noLocaleIsEnglishAndSpokenSaysWhetherTheAppsSpeakIt() {
        assertThat(Language.forLocale(null)).isEqualTo(Language.ENGLISH);
        assertThat(Language.spoken(Locale.FRANCE)).isEmpty();
        assertThat(Language.spoken(Locale.forLanguageTag("es-AR"))).contains(Language.SPANISH);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            es,    SPANISH
            en,    ENGLISH
            es_MX, SPANISH
            ' es ',SPANISH
            """)
    void aStoredCodeNamesItsLanguage(String stored, Language expected) {
        assertThat(Language.ofCode(stored)).contains(expected);
        assertThat(Language.ofCode(expected.code())).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            fr
            ''
            system
            """)
    void anythingElseStoredNamesNone(String stored) {
        assertThat(Language.ofCode(stored)).isEmpty();
        assertThat(Language.ofCode(null)).isEmpty();
    }

    @Test
    void mktTakesMicrosoftsMarketCodes() {
        assertThat(Language.market("es-es").getLanguage()).isEqualTo("es");
        assertThat(Language.market("es_US").getCountry()).isEqualTo("US");
        assertThatThrownBy(() -> Language.market("!!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--mkt");
    }
}
