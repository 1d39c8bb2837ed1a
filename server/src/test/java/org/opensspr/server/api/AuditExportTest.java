package org.opensspr.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.api.AuditFilter;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Json;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** {@code GET /audit/export}: the filtered log, oldest first, streamed as JSON Lines or CSV, and audited. */
class AuditExportTest {
    private static final ObjectMapper JSON = Json.newMapper();

    @OnBothDatabases
    void jsonLinesHoldTheEventsAsTheListShowsThemOldestFirst(InProcessServer server) throws IOException {
        List<Long> ids = tricky(server);
        try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
            AuditFilter failures = new AuditFilter(null, null, null, AuditResult.FAILURE, null, null);
            List<AuditEventDto> listed = new ArrayList<>(reader.audit().events(failures, 0, 100).items()).reversed();

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            AtomicLong progress = new AtomicLong();
            reader.audit().export(failures, AuditExportFormat.JSONL, file, progress::set);

            List<AuditEventDto> exported = new ArrayList<>();
            for (String line : file.toString(StandardCharsets.UTF_8).split("\n")) {
                exported.add(JSON.readValue(line, AuditEventDto.class));
            }
            assertThat(exported).isEqualTo(listed).extracting(AuditEventDto::id).containsExactly(ids.get(1), ids.get(3));
            assertThat(exported).extracting(AuditEventDto::method).containsExactly(null, AuthMethod.SECURITY_QUESTIONS);
            assertThat(progress.get()).isEqualTo(file.size());
        }
    }

    @OnBothDatabases
    void csvQuotesWhatNeedsItAndDisarmsFormulas(InProcessServer server) {
        List<Long> ids = tricky(server);
        try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            reader.audit().export(new AuditFilter(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, null, null, null, null,
                    null), AuditExportFormat.CSV, file, bytes -> { });

            String csv = file.toString(StandardCharsets.UTF_8);
            assertThat(csv).startsWith("id,occurredAt,activity,actor,target,kioskId,result,failureReason,details,method\r\n");
            assertThat(csv).containsPattern(java.util.regex.Pattern.quote("\r\n" + ids.get(1) + ",")
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z" + java.util.regex.Pattern.quote(
                    ",Self-service password reset flow activity progress,\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1,"
                    + " \"\"quoted\"\"\",kiosk-1,FAILURE,\"wrong code, twice\",\"line one\nline two\",\r\n"));
            assertThat(csv.split("\r\n")).hasSize(3);
            assertThat(csv).contains("\r\n" + ids.get(3) + ",").endsWith(",FAILURE,wrong answer,,SECURITY_QUESTIONS\r\n");
        }
    }

    @OnBothDatabases
    void theExportIsAuditedAndNeedsReadAudit(InProcessServer server) {
        tricky(server);
        try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            reader.audit().export(new AuditFilter(null, "ann@contoso.example", null, null, null, null),
                    AuditExportFormat.CSV, OutputStream.nullOutputStream(), bytes -> { });
            assertThatThrownBy(() -> helpdesk.audit().export(AuditFilter.everything(), AuditExportFormat.JSONL,
                    OutputStream.nullOutputStream(), bytes -> { }))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThat(server.server().database().dsl().select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTIVITY.eq("Administrator exported the audit log")).fetch(AUDIT_EVENT.DETAILS))
                .containsExactly("csv: actor ann@contoso.example");
    }

    /**
     * The check: 100,000 events of about 2 KB each (some 200 MB as JSON) stream through the server and
     * the client while the live heap (measured after a full collection, several times along the way) stays
     * within 64 MB of where it started. Holding the export anywhere would hold all 200 MB.
     */
    @Test
    void aHundredThousandEventsStreamInFlatMemory() throws Exception {
        // PostgreSQL: an in-memory H2 hands out the very strings it stores, so a copy held whole would not show.
        try (InProcessServer server = InProcessServer.start(TestDatabases.POSTGRES)) {
            String filler = "x".repeat(2_000);
            var dsl = server.server().database().dsl();
            // Recent: the hourly retention cut (its first run is a second after start) must leave them alone.
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            for (int batch = 0; batch < 100; batch++) {
                var insert = dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTIVITY,
                        AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTOR_KEY, AUDIT_EVENT.TARGET_KEY, AUDIT_EVENT.RESULT,
                        AUDIT_EVENT.DETAILS, AUDIT_EVENT.ROW_MAC);
                for (int i = 0; i < 1_000; i++) {
                    String actor = "user" + batch + "-" + i + "@contoso.example";
                    insert = insert.values(at, AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName(), actor, actor, "",
                            "SUCCESS",
                            // Each one different: H2 shares equal strings, which would hide a copy held whole.
                            "{\"n\":" + (batch * 1_000 + i) + ",\"note\":\"" + filler + "\"}", "");
                }
                insert.execute();
            }
            long baseline = liveHeap();
            long[] peak = {baseline};
            AtomicLong lines = new AtomicLong();
            OutputStream counting = new OutputStream() {
                private long written;

                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') {
                            lines.incrementAndGet();
                        }
                    }
                    long before = written;
                    written += len;
                    // Every ~40 MB received, measure what is still alive.
                    if (before / 40_000_000 != written / 40_000_000) {
                        peak[0] = Math.max(peak[0], liveHeap());
                    }
                }
            };
            try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
                AtomicLong received = new AtomicLong();
                reader.audit().export(AuditFilter.everything(), AuditExportFormat.JSONL, counting, received::set);
                assertThat(received.get()).isGreaterThan(200_000_000L);
            }
            assertThat(lines.get()).as("the events and the export's own audit entry").isEqualTo(100_001);
            assertThat(peak[0] - baseline).as("live heap growth while streaming, bytes").isLessThan(64L << 20);
        }
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Four events: successes and failures, one failure full of CSV trouble. Returns their ids in order. */
    private static List<Long> tricky(InProcessServer server) {
        var log = server.server().auditLog();
        return List.of(
                log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "ann@contoso.example",
                        "ann@contoso.example")),
                log.record(new AuditEntry(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "=HYPERLINK(\"http://evil\")",
                        "+1, \"quoted\"", "kiosk-1", AuditResult.FAILURE, "wrong code, twice", "line one\nline two")),
                log.record(AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@contoso.example",
                        "SSPR policy")),
                log.record(AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "bob@contoso.example",
                        "bob@contoso.example", "wrong answer").withMethod(AuthMethod.SECURITY_QUESTIONS)));
    }
}
