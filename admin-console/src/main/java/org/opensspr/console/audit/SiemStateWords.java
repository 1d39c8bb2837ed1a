package org.opensspr.console.audit;

import org.opensspr.api.SiemForwardingDto;
import org.opensspr.console.ConsoleContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The words of {@link SiemStateLine}, apart from JavaFX so they can be checked without a screen. */
final class SiemStateWords {
    private SiemStateWords() {
    }

    /** The line for {@code state} (null: not answered yet), or {@code failure} when the state couldn't be read. */
    static String describe(ConsoleContext context, DateTimeFormatter when, SiemForwardingDto state, String failure) {
        if (!failure.isEmpty()) {
            return failure;
        }
        if (state == null) {
            return context.text("audit.siem.loading");
        }
        if (!state.configured()) {
            return context.text("audit.siem.off");
        }
        String where = context.text("audit.siem.to", state.destination(), state.format());
        String progress = state.waiting() == 0
                ? context.text("audit.siem.upToDate", state.lastForwardedId(), at(when, state.forwardedAt()))
                : context.text("audit.siem.waiting", state.waiting(), at(when, state.oldestWaitingAt()));
        String error = state.lastError() == null ? ""
                : " " + context.text("audit.siem.error", at(when, state.lastErrorAt()), state.lastError());
        return where + " " + progress + error;
    }

    private static String at(DateTimeFormatter when, Instant instant) {
        return instant == null ? "—" : when.format(instant);
    }
}
