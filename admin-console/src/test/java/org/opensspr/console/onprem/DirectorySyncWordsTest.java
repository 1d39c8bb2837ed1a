package org.opensspr.console.onprem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Page;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleOptions;
import org.opensspr.ui.settings.UiSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the On-premises pane says of a directory sync: running, done, previewed, failed, and its changes. */
class DirectorySyncWordsTest {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path directory;

    @Test
    void saysWhereARunStands() {
        ConsoleContext english = context("en");

        assertThat(DirectorySyncWords.run(english, WHEN, null)).isEqualTo("No directory sync has run yet.");
        assertThat(DirectorySyncWords.run(english, WHEN, run(DirectorySyncPhase.READING, false, null, "")))
                .isEqualTo("Full sync running: reading the directory; 1,004 entries read (1,000 users, 4 groups) so far…");
        assertThat(DirectorySyncWords.run(english, WHEN, run(DirectorySyncPhase.DONE, false, null, "")))
                .isEqualTo("Full sync finished 2026-12-06 09:00 (started by admin@contoso.example): 1,000 users and 4"
                        + " groups read; users 5 added, 10 updated, 2 deleted; 3 group and 7 membership changes;"
                        + " 1 conflicts, 0 skipped.");
        assertThat(DirectorySyncWords.run(english, WHEN, run(DirectorySyncPhase.DONE, true, null,
                "A delta ran as a full sync: no cursor yet.")))
                .startsWith("Preview of a full sync finished 2026-12-06 09:00").contains("it would add 5 users")
                .endsWith("Nothing was changed. A delta ran as a full sync: no cursor yet.");
        assertThat(DirectorySyncWords.run(english, WHEN, run(DirectorySyncPhase.FAILED, false, "connect error", "")))
                .isEqualTo("Full sync failed 2026-12-06 09:00 (started by admin@contoso.example): connect error");
    }

    @Test
    void listsTheChangesAndCountsTheRest() {
        ConsoleContext english = context("en");
        List<DirectorySyncChangeDto> items = List.of(
                new DirectorySyncChangeDto(DirectorySyncChangeKind.ADD_USER, "kim@contoso.example", "", List.of()),
                new DirectorySyncChangeDto(DirectorySyncChangeKind.UPDATE_USER, "lee@contoso.example", "",
                        List.of(new FieldChangeDto("mail", "lee@old.example", "lee@contoso.example"),
                                new FieldChangeDto("mobilePhone", null, "+1 555 0100"))),
                new DirectorySyncChangeDto(DirectorySyncChangeKind.ADD_MEMBER, "Staff", "kim@contoso.example", List.of()),
                new DirectorySyncChangeDto(DirectorySyncChangeKind.CONFLICT, "ann@contoso.example",
                        "a cloud user has this UPN", List.of()));

        assertThat(DirectorySyncWords.changes(english, null)).isEmpty();
        assertThat(DirectorySyncWords.changes(english, new Page<>(List.of(), 0, 0, 50, true, null)))
                .containsExactly("Nothing to change: the users and groups here match the directory.");
        assertThat(DirectorySyncWords.changes(english, new Page<>(items, 120, 0, 50, true, null))).containsExactly(
                "Add user kim@contoso.example",
                "Update user lee@contoso.example: mail lee@old.example → lee@contoso.example; mobilePhone — → +1 555 0100",
                "Add to group Staff: kim@contoso.example",
                "Conflict at ann@contoso.example: a cloud user has this UPN",
                "Showing the first 4 of 120 changes.");
    }

    @Test
    void speaksSpanish() {
        assertThat(DirectorySyncWords.run(context("es"), WHEN, run(DirectorySyncPhase.WRITING, false, null, "")))
                .startsWith("Sincronización completa en curso: escribiendo;");
    }

    private static DirectorySyncRunDto run(DirectorySyncPhase phase, boolean dryRun, String error, String note) {
        return new DirectorySyncRunDto("run-1", DirectorySyncMode.DELTA, DirectorySyncMode.FULL, dryRun,
                "admin@contoso.example", NINE.minusSeconds(30), phase.finished() ? NINE : null, phase, 1_004, 1_000, 4,
                5, 10, 2, 1, 1, 1, 4, 3, 1, 0, note, error);
    }

    private ConsoleContext context(String language) {
        UiSettings settings = new UiSettings(directory.resolve(language + ".properties"));
        settings.put(ConsoleContext.LANGUAGE_SETTING, language);
        return ConsoleContext.forRun(new ConsoleOptions(null, null, null), settings, Locale.US, null);
    }
}
