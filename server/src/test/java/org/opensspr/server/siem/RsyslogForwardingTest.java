package org.opensspr.server.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.AuditActivity;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.TestCertificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.siem.SiemTesting.append;
import static org.opensspr.server.siem.SiemTesting.auditLog;

/**
 * Forwarding to a real rsyslog over TLS (ADR 19): what arrives, in which order, how often, and when nothing
 * may arrive at all. rsyslog parses each message itself, so its view of our frames and headers is the test.
 */
class RsyslogForwardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path certificates;
    private static Path caFile;
    private static Path certificate;
    private static Path key;

    @TempDir
    Path directory;

    @BeforeAll
    static void collectorCertificates() {
        Rsyslog.binary(); // fails at once, saying what to install, when rsyslog is missing
        TestCertificates.Issued authority = TestCertificates.authority("SIEM test CA");
        TestCertificates.Issued collector = TestCertificates.server(authority, "127.0.0.1");
        caFile = TestCertificates.writePem(certificates.resolve("ca.pem"), authority.certificate());
        certificate = TestCertificates.writePem(certificates.resolve("collector.pem"), collector.certificate());
        key = TestCertificates.writeKeyPem(certificates.resolve("collector.key"), collector);
    }

    @Test
    void cefEventsArriveInOrderFramedWholeAndReadBackAsWritten() throws Exception {
        eventsArriveInOrderFramedWholeAndReadBackAsWritten(SiemFormat.CEF);
    }

    @Test
    void jsonEventsArriveInOrderFramedWholeAndReadBackAsWritten() throws Exception {
        eventsArriveInOrderFramedWholeAndReadBackAsWritten(SiemFormat.JSON);
    }

    private void eventsArriveInOrderFramedWholeAndReadBackAsWritten(SiemFormat format) throws Exception {
        try (Database database = TestDatabases.H2.fresh();
             Rsyslog rsyslog = Rsyslog.start(directory, caFile, certificate, key);
             SiemForwarder forwarder = SiemTesting.forwarder(database, settings(rsyslog, format))) {
            AuditLog log = auditLog(database);
            List<AuditEntry> entries = tricky();
            List<Long> ids = new ArrayList<>();
            entries.forEach(entry -> ids.add(log.record(entry)));

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
            List<JsonNode> received = rsyslog.awaitReceived(entries.size());

            assertThat(received).hasSize(entries.size()); // nothing split or run together
            EventMessages messages = new EventMessages(format, "0.1.0", SiemSettings.DEFAULT_MAX_MESSAGE_BYTES);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode message = received.get(i);
                AuditEntry entry = entries.get(i);
                SiemEvent sent = new AuditTail(database).after(ids.get(i) - 1, 1).events().getFirst();
                assertThat(message.get("rawmsg").asText())
                        .isEqualTo(new String(messages.message(sent), StandardCharsets.UTF_8));
                assertThat(message.get("hostname").asText()).isEqualTo("opensspr");
                assertThat(message.get("app-name").asText()).isEqualTo("opensspr");
                assertThat(message.get("msgid").asText()).isEqualTo(ActivityCodes.of(entry.activity()));
                assertThat(message.get("syslogfacility").asText()).isEqualTo("10");
                assertThat(message.get("syslogseverity").asText()).isEqualTo(entry.result().name().equals("FAILURE")
                        ? "4" : "6");
                assertThat(message.get("structured-data").asText())
                        .isEqualTo("[origin software=\"OpenSSPR\" swVersion=\"0.1.0\"]");
                assertThat(Instant.parse(message.get("timereported").asText())).isEqualTo(sent.occurredAt());
                Map<String, String> fields = fields(message.get("msg").asText(), format);
                assertThat(fields).containsEntry("id", String.valueOf(ids.get(i)))
                        .containsEntry("actor", entry.actor()).containsEntry("target", entry.target())
                        .containsEntry("reason", entry.failureReason());
                if (entry.details().length() < 1000) {
                    // CEF has no escape for a tab; JSON keeps everything.
                    assertThat(fields).containsEntry("details", format == SiemFormat.CEF
                            ? entry.details().replace('\t', ' ') : entry.details());
                } else {
                    assertThat(entry.details()).startsWith(fields.get("details"));
                    assertThat(fields).containsEntry("truncated", "true");
                    assertThat(message.get("rawmsg").asText().getBytes(StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo(SiemSettings.DEFAULT_MAX_MESSAGE_BYTES);
                }
            }
        }
    }

    @Test
    void aCollectorStoppedAndStartedMidStreamGetsEveryEventOnceAndInOrder() throws Exception {
        try (Database database = TestDatabases.H2.fresh();
             Rsyslog rsyslog = Rsyslog.start(directory, caFile, certificate, key);
             SiemForwarder forwarder = SiemTesting.forwarder(database, settings(rsyslog, SiemFormat.JSON)).start()) {
            AuditLog log = auditLog(database);
            List<Long> before = append(log, 10);
            await(() -> forwarder.status().lastForwardedId() == before.getLast(), "the first events forwarded");

            rsyslog.stop();
            List<Long> whileDown = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                whileDown.add(log.record(SiemTesting.event(i)));
                Rsyslog.sleep(Duration.ofMillis(10)); // the forwarder keeps trying meanwhile
            }
            await(() -> forwarder.status().lastError() != null, "the forwarder finding the collector down");
            assertThat(forwarder.status().lastForwardedId()).isEqualTo(before.getLast());
            assertThat(forwarder.status().waiting()).isEqualTo(whileDown.size());

            rsyslog.start();
            List<Long> after = append(log, 5);
            await(() -> forwarder.status().lastForwardedId() == after.getLast(), "everything forwarded after the restart");

            List<Long> expected = new ArrayList<>(before);
            expected.addAll(whileDown);
            expected.addAll(after);
            assertThat(idsOf(rsyslog.awaitReceived(expected.size()))).isEqualTo(expected);
            assertThat(forwarder.status().lastError()).isNull();
        }
    }

    /**
     * Stopped while batches are on the wire, rsyslog may have read part of a batch whose answer never came:
     * that batch goes again (at least once), but nothing is lost and the first copies keep the order.
     */
    @Test
    void aCollectorStoppedWhileBatchesAreInFlightLosesNothingAndKeepsTheOrder() throws Exception {
        SiemForwarder.Tuning eager = new SiemForwarder.Tuning(Duration.ofMillis(1), Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(200));
        try (Database database = TestDatabases.H2.fresh();
             Rsyslog rsyslog = Rsyslog.start(directory, caFile, certificate, key);
             SiemForwarder forwarder = new SiemForwarder(database, settings(rsyslog, SiemFormat.JSON), "0.1.0", eager)
                     .start()) {
            AuditLog log = auditLog(database);
            List<Long> ids = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean appending = new AtomicBoolean(true);
            Thread appender = Thread.ofPlatform().start(() -> {
                for (int i = 0; appending.get(); i++) {
                    ids.add(log.record(SiemTesting.event(i)));
                    Rsyslog.sleep(Duration.ofMillis(2));
                }
            });
            for (int restart = 0; restart < 2; restart++) {
                Rsyslog.sleep(Duration.ofMillis(250));
                rsyslog.stop();
                Rsyslog.sleep(Duration.ofMillis(100));
                rsyslog.start();
            }
            Rsyslog.sleep(Duration.ofMillis(200));
            appending.set(false);
            appender.join();
            await(() -> forwarder.status().lastForwardedId() == ids.getLast(), "everything forwarded");

            await(() -> Set.copyOf(idsOf(rsyslog.received())).containsAll(ids), "rsyslog writing everything out");

            List<Long> firstCopies = new ArrayList<>(new LinkedHashSet<>(idsOf(rsyslog.received())));
            assertThat(firstCopies).isEqualTo(ids);
        }
    }

    @Test
    void aCollectorWithACertificateNoTrustedAuthoritySignedIsRefusedAndNothingIsMarkedForwarded() throws Exception {
        TestCertificates.Issued rogueAuthority = TestCertificates.authority("Rogue CA");
        TestCertificates.Issued rogue = TestCertificates.server(rogueAuthority, "127.0.0.1");
        Path rogueCa = TestCertificates.writePem(directory.resolve("rogue-ca.pem"), rogueAuthority.certificate());
        Path rogueCertificate = TestCertificates.writePem(directory.resolve("rogue.pem"), rogue.certificate());
        Path rogueKey = TestCertificates.writeKeyPem(directory.resolve("rogue.key"), rogue);
        try (Database database = TestDatabases.H2.fresh();
             Rsyslog rsyslog = Rsyslog.start(directory.resolve("rsyslog"), rogueCa, rogueCertificate, rogueKey);
             SiemForwarder forwarder = SiemTesting.forwarder(database, settings(rsyslog, SiemFormat.CEF))) {
            append(auditLog(database), 3);

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.FAILED);

            SiemStatus status = forwarder.status();
            assertThat(status.lastForwardedId()).isZero();
            assertThat(status.waiting()).isEqualTo(3);
            assertThat(status.lastError()).contains("PKIX path building failed");
            Rsyslog.sleep(Duration.ofMillis(200));
            assertThat(rsyslog.received()).isEmpty();
        }
    }

    private static SiemSettings settings(Rsyslog rsyslog, SiemFormat format) {
        return SiemTesting.tls("127.0.0.1", rsyslog.port(), format, caFile);
    }

    /** Everything the formats escape, non-ASCII text, and details longer than rsyslog takes in one message. */
    private static List<AuditEntry> tricky() {
        return List.of(
                AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "jürgen.größe@example.org",
                        "jürgen.größe@example.org").withKiosk("kiosk-1").withDetails("{\"method\":\"email\",\"n\":1}"),
                AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "a|b=c\\d", "t]\"x", "wrong code=3 | again")
                        .withDetails("line one\nline two\r\n[x=\"y\"] \\ end\ttab"),
                AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@example.org", "")
                        .withDetails("🔑 ".repeat(2000) + "end"),
                AuditEntry.failure(AuditActivity.BLOCKED_FROM_SSPR, "(server)", "someone@example.org", "throttled"));
    }

    /** The event's fields as the SIEM reads them from MSG, under common names for both formats. */
    private static Map<String, String> fields(String msg, SiemFormat format) throws Exception {
        String body = msg.startsWith("\uFEFF") ? msg.substring(1) : msg;
        if (format == SiemFormat.JSON) {
            JsonNode json = JSON.readTree(body);
            return Map.of("id", json.get("id").asText(), "actor", json.get("actor").asText(),
                    "target", json.get("target").asText(), "reason", json.get("failureReason").asText(),
                    "details", json.get("details").asText(), "truncated", json.get("detailsTruncated").asText());
        }
        Map<String, String> cef = CefReader.read(body).extension();
        return Map.of("id", cef.get("externalId"), "actor", cef.getOrDefault("suser", ""),
                "target", cef.getOrDefault("duser", ""), "reason", cef.getOrDefault("reason", ""),
                "details", cef.getOrDefault("msg", ""), "truncated", cef.getOrDefault("cs2", "false"));
    }

    private static List<Long> idsOf(List<JsonNode> received) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : received) {
            try {
                ids.add(JSON.readTree(message.get("msg").asText()).get("id").asLong());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(until);
            Rsyslog.sleep(Duration.ofMillis(20));
        }
    }
}
