package org.opensspr.console.onprem;

import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.RightCheckDto;
import org.opensspr.api.ServerCheckDto;
import org.opensspr.api.TestUserCheckDto;
import org.opensspr.api.WritebackIntentDto;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.console.ConsoleContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The On-premises pane's live words, apart from JavaFX so they can be checked without a screen. */
final class DirectoryStatusWords {
    private DirectoryStatusWords() {
    }

    /** Which directory the server writes back to, or why it can't; {@code failure} when the status couldn't be read. */
    static String connection(ConsoleContext context, WritebackStatusDto status, String failure) {
        if (!failure.isEmpty()) {
            return failure;
        }
        if (status == null) {
            return context.text("onprem.status.loading");
        }
        if (!status.configured()) {
            return context.text("onprem.status.none");
        }
        return context.text("onprem.status.configured", context.text("onprem.flavor." + status.flavor()),
                String.join(", ", status.servers()), status.serviceAccount(), status.baseDn());
    }

    /** The last writeback, the last failure and those in doubt, one per line; empty before the status is read. */
    static List<String> writebacks(ConsoleContext context, DateTimeFormatter when, WritebackStatusDto status) {
        List<String> lines = new ArrayList<>();
        if (status == null) {
            return lines;
        }
        WritebackIntentDto last = status.lastWriteback();
        if (last == null && !status.configured()) {
            return lines;
        }
        lines.add(last == null ? context.text("onprem.last.none") : context.text("onprem.last",
                context.text("onprem.operation." + last.operation()), context.text("onprem.result." + last.status()),
                at(when, last.completedAt() == null ? last.createdAt() : last.completedAt())));
        WritebackIntentDto failed = status.lastFailure();
        if (failed != null && failed != last) {
            lines.add(context.text("onprem.lastFailure", context.text("onprem.operation." + failed.operation()),
                    at(when, failed.createdAt()), failed.detail().isBlank() ? "—" : failed.detail()));
        } else if (failed != null && !failed.detail().isBlank()) {
            lines.add(context.text("onprem.lastFailure.why", failed.detail()));
        }
        if (status.inDoubt() > 0) {
            lines.add(context.text("onprem.inDoubt", status.inDoubt()));
        }
        return lines;
    }

    /** The verdict above the details. */
    static String verdict(ConsoleContext context, ConnectionTestDto test) {
        return context.text(test.ok() ? "onprem.test.ok" : "onprem.test.problems");
    }

    /** One server: what it is and how it was reached, or what went wrong. */
    static String server(ConsoleContext context, DateTimeFormatter day, ServerCheckDto server) {
        if (server.problem() != null) {
            return context.text("onprem.server.problem", server.url(), server.problem());
        }
        String tls = server.tlsProtocol() == null ? context.text("onprem.server.plain")
                : context.text("onprem.server.tls", server.tlsProtocol(), server.cipherSuite(),
                server.certificateSubject(), server.certificateIssuer(), at(day, server.certificateExpires()));
        return context.text("onprem.server.ok", server.url(),
                server.directory() == null ? "—" : server.directory(), tls, server.millis());
    }

    /** The test user and, when found, one line per right. */
    static List<String> testUser(ConsoleContext context, TestUserCheckDto user) {
        List<String> lines = new ArrayList<>();
        if (user == null) {
            return lines;
        }
        if (!user.found()) {
            lines.add(context.text("onprem.user.notFound", user.user()));
            return lines;
        }
        lines.add(context.text("onprem.user.found", user.user(), user.dn()));
        for (RightCheckDto right : user.rights()) {
            lines.add(context.text("onprem.right", context.text("onprem.right." + right.right()),
                    context.text("onprem.right.state." + right.state())));
        }
        return lines;
    }

    private static String at(DateTimeFormatter when, Instant instant) {
        return instant == null ? "—" : when.format(instant);
    }
}
