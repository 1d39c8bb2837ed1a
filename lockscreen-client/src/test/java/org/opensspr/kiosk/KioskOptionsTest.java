package org.opensspr.kiosk;

import org.junit.jupiter.api.Test;
import org.opensspr.ui.i18n.Language;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KioskOptionsTest {

    @Test
    void withoutOptionsTheKioskUsesTheEmbeddedDefault() {
        KioskOptions options = KioskOptions.parse();
        assertThat(options.serverUrl()).isEqualTo("https://127.0.0.1:8443");
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.locale()).as("the system's language").isNull();
        assertThat(options.windowed()).isFalse();
        assertThat(options.effectiveDataDirectory().toString()).endsWith("opensspr");
    }

    @Test
    void theLauncherOptionsAreRead() {
        KioskOptions options = KioskOptions.parse("--server", "https://sspr.example.org:8443", "--data", "/tmp/d",
                "--idle-seconds=30", "--mkt=es-es", "--settings", "/tmp/s", "--windowed");
        assertThat(options.serverUrl()).isEqualTo("https://sspr.example.org:8443");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.settingsDirectory()).isEqualTo(Path.of("/tmp/s"));
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.locale()).isEqualTo(Locale.forLanguageTag("es-ES"));
        assertThat(options.windowed()).isTrue();
        assertThat(KioskOptions.parse("--mkt", "es_US").locale().getLanguage()).isEqualTo("es");
    }

    @Test
    void mktOverridesTheSystemLanguage() {
        assertThat(KioskOptions.parse("--mkt=es-es").language(Locale.US)).isEqualTo(Language.SPANISH);
        assertThat(KioskOptions.parse("--mkt=en-us").language(Locale.forLanguageTag("es-ES"))).isEqualTo(Language.ENGLISH);
        assertThat(KioskOptions.parse().language(Locale.forLanguageTag("es-AR"))).as("the system's").isEqualTo(Language.SPANISH);
        assertThat(KioskOptions.parse().language(Locale.GERMANY)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> KioskOptions.parse("--idle-seconds", "0")).hasMessageContaining("--idle-seconds");
        assertThatThrownBy(() -> KioskOptions.parse("--idle-seconds", "soon")).hasMessageContaining("--idle-seconds");
        assertThatThrownBy(() -> KioskOptions.parse("--server")).hasMessageContaining("--server needs a value");
        assertThatThrownBy(() -> KioskOptions.parse("--fast")).hasMessageContaining("Unknown option --fast");
    }
}
