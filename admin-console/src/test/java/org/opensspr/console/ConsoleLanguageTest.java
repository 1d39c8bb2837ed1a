package org.opensspr.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.settings.UiSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which language the console starts in: {@code --mkt}, else the language chosen in the console, else the system's. */
class ConsoleLanguageTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "system {0}, setting ''{1}'', --mkt ''{2}'' → {3}")
    @CsvSource(textBlock = """
            en-US, '',    '',    ENGLISH
            es-ES, '',    '',    SPANISH
            es-MX, '',    '',    SPANISH
            fr-FR, '',    '',    ENGLISH
            en-US, es,    '',    SPANISH
            es-ES, en,    '',    ENGLISH
            es-ES, fr,    '',    SPANISH
            en-US, es,    en-us, ENGLISH
            en-US, '',    es-es, SPANISH
            fr-FR, en,    es,    SPANISH
            """)
    void theOptionWinsThenTheSettingThenTheSystem(String system, String setting, String mkt, Language expected) {
        UiSettings settings = new UiSettings(directory.resolve("console.properties"));
        if (!setting.isEmpty()) {
            settings.put(ConsoleContext.LANGUAGE_SETTING, setting);
        }
        ConsoleOptions options = ConsoleOptions.parse(mkt.isEmpty() ? List.of() : List.of("--mkt=" + mkt));
        assertThat(ConsoleContext.startLanguage(options, settings, Locale.forLanguageTag(system))).isEqualTo(expected);
    }

    @Test
    void theContextOfARunSpeaksTheLanguageItStartsIn() {
        UiSettings settings = new UiSettings(directory.resolve("console.properties"));
        settings.put(ConsoleContext.LANGUAGE_SETTING, "es");
        ConsoleContext context = ConsoleContext.forRun(new ConsoleOptions(null, null, null), settings, Locale.US, null);
        assertThat(context.language()).isEqualTo(Language.SPANISH);
        assertThat(context.text("nav.methods")).isEqualTo("Métodos de autenticación");
        assertThat(context.text("role.HELPDESK_ADMINISTRATOR")).isEqualTo("Administrador del departamento de soporte técnico");
        assertThat(context.text("deadend.BLOCKED.title")).as("what-if quotes the kiosk's Spanish").isEqualTo("Demasiados intentos");
        assertThat(context.systemLanguage()).isEqualTo(Language.ENGLISH);
        assertThat(context.languageChangesAtRestart()).isFalse();
    }

    @Test
    void mktIsReadLikeTheKiosksAndABadOneIsRefused() {
        assertThat(ConsoleOptions.parse(List.of("--mkt", "es_MX")).locale().getLanguage()).isEqualTo("es");
        assertThat(ConsoleOptions.parse(List.of("--server", "https://x")).locale()).isNull();
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--mkt=!!"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--mkt");
    }
}
