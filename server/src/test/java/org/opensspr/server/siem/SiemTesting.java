package org.opensspr.server.siem;

import org.opensspr.api.AuditActivity;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the SIEM tests share: quick tuning, settings for a loopback collector, events to forward. */
final class SiemTesting {
    /** Polls and backs off in tens of milliseconds, probes gaps at once and waits 200 ms on an open one. */
    static final SiemForwarder.Tuning QUICK = new SiemForwarder.Tuning(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ZERO, Duration.ofMillis(200));

    private SiemTesting() {
    }

    static SiemSettings plainTcp(int port, SiemFormat format) {
        return new SiemSettings("127.0.0.1", port, format, null, true, Duration.ofSeconds(2),
                SiemSettings.DEFAULT_MAX_MESSAGE_BYTES);
    }

    static SiemSettings tls(String host, int port, SiemFormat format, Path caFile) {
        return new SiemSettings(host, port, format, caFile, false, Duration.ofSeconds(2),
                SiemSettings.DEFAULT_MAX_MESSAGE_BYTES);
    }

    static SiemForwarder forwarder(Database database, SiemSettings settings) {
        return new SiemForwarder(database, settings, "0.1.0", QUICK);
    }

    static AuditLog auditLog(Database database) {
        return new AuditLog(database, Clock.systemUTC(), AuditSeals.fixed());
    }

    /** Appends {@code count} events, each committed on its own; returns their ids in order. */
    static List<Long> append(AuditLog log, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(log.record(event(i)));
        }
        return ids;
    }

    static AuditEntry event(int n) {
        return n % 3 == 0
                ? AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "user" + n + "@example.org",
                "user" + n + "@example.org", "wrong code").withKiosk("kiosk-" + n)
                : AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "user" + n + "@example.org",
                "user" + n + "@example.org").withDetails("{\"n\":" + n + ",\"method\":\"email\"}");
    }
}
