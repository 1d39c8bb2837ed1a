package org.opensspr.console.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleOptions;
import org.opensspr.ui.settings.UiSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Audit logs view says of forwarding to the SIEM, in each state the server can report. */
class SiemStateWordsTest {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path directory;

    @Test
    void saysOffUpToDateOrWhatWaitsAndWhy() {
        ConsoleContext english = context("en");

        assertThat(SiemStateWords.describe(english, WHEN, null, "")).isEqualTo("SIEM forwarding: asking the server…");
        assertThat(SiemStateWords.describe(english, WHEN, SiemForwardingDto.NOT_CONFIGURED, ""))
                .startsWith("SIEM forwarding: off.");
        assertThat(SiemStateWords.describe(english, WHEN, new SiemForwardingDto(true, "siem.example.org:6514", "CEF",
                1_234, NINE, 0, null, null, null), "")).isEqualTo("SIEM forwarding to siem.example.org:6514 (CEF):"
                + " up to date, every event through 1,234 received (last batch 2026-12-06 09:00).");
        assertThat(SiemStateWords.describe(english, WHEN, new SiemForwardingDto(true, "siem.example.org:6514", "JSON",
                1_234, NINE, 56, NINE.plusSeconds(60), "Connection refused", NINE.plusSeconds(120)), ""))
                .isEqualTo("SIEM forwarding to siem.example.org:6514 (JSON): 56 events wait, the oldest from"
                        + " 2026-12-06 09:01. Last failure 2026-12-06 09:02: Connection refused");
        assertThat(SiemStateWords.describe(english, WHEN, new SiemForwardingDto(true, "siem.example.org:6514", "JSON",
                0, null, 1, NINE, null, null), "")).contains(": 1 event waits, the oldest from 2026-12-06 09:00.");
        assertThat(SiemStateWords.describe(english, WHEN, SiemForwardingDto.NOT_CONFIGURED, "it failed"))
                .as("a failure to read wins over the last answer").isEqualTo("it failed");
    }

    @Test
    void speaksSpanish() {
        assertThat(SiemStateWords.describe(context("es"), WHEN, new SiemForwardingDto(true, "siem.example.org:6514",
                "CEF", 7, NINE, 2, NINE, null, null), ""))
                .isEqualTo("Reenvío al SIEM a siem.example.org:6514 (CEF): 2 eventos esperan, el más antiguo de"
                        + " 2026-12-06 09:00.");
    }

    private ConsoleContext context(String language) {
        UiSettings settings = new UiSettings(directory.resolve(language + ".properties"));
        settings.put(ConsoleContext.LANGUAGE_SETTING, language);
        return ConsoleContext.forRun(new ConsoleOptions(null, null, null), settings, Locale.US, null);
    }
}
