package org.opensspr.console.onprem;

import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Page;
import org.opensspr.console.ConsoleContext;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The words of the pane's directory sync, apart from JavaFX so they can be checked without a screen. */
final class DirectorySyncWords {
    private DirectorySyncWords() {
    }

    /** Where the last (or current) run stands; null: none has run. */
    static String run(ConsoleContext context, DateTimeFormatter when, DirectorySyncRunDto run) {
        if (run == null) {
            return context.text("onprem.sync.none");
        }
        String kind = context.text("onprem.sync.kind." + run.mode() + (run.dryRun() ? ".dry" : ""));
        if (!run.phase().finished()) {
            return context.text("onprem.sync.running", kind, context.text("onprem.sync.phase." + run.phase()),
                    run.entriesRead(), run.usersSeen(), run.groupsSeen());
        }
        String line = run.phase().name().equals("FAILED")
                ? context.text("onprem.sync.failedRun", kind, when.format(run.finishedAt()), run.requestedBy(),
                run.error() == null ? "—" : run.error())
                : context.text(run.dryRun() ? "onprem.sync.previewed" : "onprem.sync.done", kind,
                when.format(run.finishedAt()), run.requestedBy(), run.usersSeen(), run.groupsSeen(),
                run.usersAdded(), run.usersUpdated(), run.usersDeleted(), run.groupsAdded() + run.groupsUpdated()
                        + run.groupsDeleted(), run.membersAdded() + run.membersRemoved(), run.conflicts(),
                run.skipped());
        return run.note() == null || run.note().isBlank() ? line : line + " " + run.note();
    }

    /** One line per change shown, then how many more there are. */
    static List<String> changes(ConsoleContext context, Page<DirectorySyncChangeDto> page) {
        List<String> lines = new ArrayList<>();
        if (page == null) {
            return lines;
        }
        if (page.items().isEmpty()) {
            lines.add(context.text("onprem.sync.changes.none"));
            return lines;
        }
        for (DirectorySyncChangeDto change : page.items()) {
            lines.add(change(context, change));
        }
        if (page.total() > page.items().size()) {
            lines.add(context.text("onprem.sync.changes.more", page.items().size(), page.total()));
        }
        return lines;
    }

    static String change(ConsoleContext context, DirectorySyncChangeDto change) {
        String what = context.text("onprem.sync.change." + change.kind().name(), change.target());
        if (!change.fields().isEmpty()) {
            return what + ": " + change.fields().stream().map(DirectorySyncWords::field)
                    .collect(Collectors.joining("; "));
        }
        return change.detail().isBlank() ? what : what + ": " + change.detail();
    }

    private static String field(FieldChangeDto field) {
        return field.path() + " " + blankAsDash(field.oldValue()) + " → " + blankAsDash(field.newValue());
    }

    private static String blankAsDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
