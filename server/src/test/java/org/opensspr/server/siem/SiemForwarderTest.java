package org.opensspr.server.siem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.TestCertificates;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.siem.SiemTesting.append;
import static org.opensspr.server.siem.SiemTesting.auditLog;
import static org.opensspr.server.siem.SiemTesting.forwarder;
import static org.opensspr.server.siem.SiemTesting.plainTcp;

/** The forwarder against a collector in the test JVM: order, the cursor, failures, leases and retention. */
class SiemForwarderTest {

    @OnBothDatabases
    void forwardsEveryEventInIdOrderInBatchesAndMovesTheCursorAfterTheAnswer(Database database) throws Exception {
        AuditLog log = auditLog(database);
        List<Long> ids = append(log, 2 * SiemForwarder.BATCH + 50);
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);

            assertThat(collector.ids()).isEqualTo(ids);
            assertThat(collector.connections()).isEqualTo(3);
            SiemStatus status = forwarder.status();
            assertThat(status.lastForwardedId()).isEqualTo(ids.getLast());
            assertThat(status.waiting()).isZero();
            assertThat(status.lastError()).isNull();
            assertThat(status.lag(Instant.now())).isZero();
        }
    }

    @Test
    void aCollectorThatIsDownLeavesTheCursorRecordsWhyAndGetsEverythingOnceBack() throws Exception {
        try (Database database = TestDatabases.H2.fresh()) {
            AuditLog log = auditLog(database);
            List<Long> ids = append(log, 5);
            int port;
            try (ServerSocket nobodyListens = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = nobodyListens.getLocalPort();
            }
            try (SiemForwarder forwarder = forwarder(database, plainTcp(port, SiemFormat.CEF))) {

                assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.FAILED);
                SiemStatus down = forwarder.status();
                assertThat(down.lastForwardedId()).isZero();
                assertThat(down.waiting()).isEqualTo(5);
                assertThat(down.lastError()).contains("Connection refused");
                assertThat(down.lastErrorAt()).isNotNull();

                try (FakeCollector back = FakeCollector.plain(port)) {
                    assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
                    assertThat(back.ids()).isEqualTo(ids);
                    assertThat(forwarder.status().lastError()).isNull();
                }
            }
        }
    }

    @Test
    void aCollectorThatResetsTheConnectionConfirmsNothingAndTheBatchIsSentAgainFromItsStart() throws Exception {
        try (Database database = TestDatabases.H2.fresh();
             FakeCollector collector = FakeCollector.plain().behave(FakeCollector.Behavior.RESET);
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {
            List<Long> ids = append(auditLog(database), 3);

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.FAILED);
            assertThat(forwarder.forwardedThrough()).isZero();

            collector.behave(FakeCollector.Behavior.ANSWER);
            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
            assertThat(collector.ids()).isEqualTo(ids);
        }
    }

    @Test
    void aCollectorThatNeverClosesConfirmsNothing() throws Exception {
        try (Database database = TestDatabases.H2.fresh();
             FakeCollector collector = FakeCollector.plain().behave(FakeCollector.Behavior.STALL);
             SiemForwarder forwarder = new SiemForwarder(database, new SiemSettings("127.0.0.1", collector.port(),
                     SiemFormat.JSON, null, true, Duration.ofSeconds(1), 8000), "0.1.0", SiemTesting.QUICK)) {
            append(auditLog(database), 2);

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.FAILED);

            assertThat(forwarder.forwardedThrough()).isZero();
            assertThat(forwarder.status().lastError()).containsIgnoringCase("timed out");
        }
    }

    @Test
    void overTlsTheCollectorMustBeVouchedForAndNamedByItsCertificate(@TempDir Path dir) throws Exception {
        TestCertificates.Issued authority = TestCertificates.authority("SIEM test CA");
        Path ca = TestCertificates.writePem(dir.resolve("ca.pem"), authority.certificate());
        try (Database database = TestDatabases.H2.fresh()) {
            List<Long> ids = append(auditLog(database), 2);
            try (FakeCollector otherName = FakeCollector.tls(TestCertificates.serverContext(
                    TestCertificates.server(authority, "siem.example.org")));
                 SiemForwarder forwarder = forwarder(database, SiemTesting.tls("127.0.0.1", otherName.port(),
                         SiemFormat.CEF, ca))) {

                assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.FAILED);
                assertThat(forwarder.status().lastError()).contains("SSLHandshakeException", "127.0.0.1");
                assertThat(otherName.messages()).isEmpty();
                assertThat(forwarder.forwardedThrough()).isZero();
            }
            try (FakeCollector named = FakeCollector.tls(TestCertificates.serverContext(
                    TestCertificates.server(authority, "127.0.0.1")));
                 SiemForwarder forwarder = forwarder(database, SiemTesting.tls("127.0.0.1", named.port(),
                         SiemFormat.CEF, ca))) {

                assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
                assertThat(named.ids()).isEqualTo(ids);
            }
        }
    }

    @OnBothDatabases
    void oneServerAtATimeForwardsAndAnotherTakesOverWhenItStops(Database database) throws Exception {
        AuditLog log = auditLog(database);
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder second = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {
            List<Long> firstIds = append(log, 3);
            try (SiemForwarder first = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {
                assertThat(first.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
                assertThat(second.forwardNow()).isEqualTo(SiemForwarder.Outcome.WAITING);
            }
            List<Long> laterIds = append(log, 2);

            assertThat(second.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
            assertThat(collector.ids()).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(firstIds.stream(), laterIds.stream()).toList());
        }
    }

    @OnBothDatabases
    void retentionKeepsWhatTheSiemHasNotReceived(Database database) throws Exception {
        AuditLog pastRetention = longAgo(database);
        List<Long> forwarded = append(pastRetention, 3);
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {
            forwarder.forwardNow();
            List<Long> waiting = append(pastRetention, 2);

            int removed = chain(database).cut(Duration.ofDays(30), forwarder.forwardedThrough());

            assertThat(removed).isEqualTo(forwarded.size());
            assertThat(forwarder.status().waiting()).isEqualTo(waiting.size());
        }
    }

    @OnBothDatabases
    void aNewCollectorGetsEveryEventStillRetained(Database database) throws Exception {
        append(longAgo(database), 200);
        List<Long> recent = append(auditLog(database), 50);
        chain(database).cut(Duration.ofDays(30)); // the first 200 go
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.CEF))) {

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);

            assertThat(collector.ids()).isEqualTo(recent);
        }
    }

    /** An audit log whose events happened 40 days ago, past the default retention. */
    private static AuditLog longAgo(Database database) {
        return new AuditLog(database, Clock.fixed(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC),
                AuditSeals.fixed());
    }

    private static AuditChain chain(Database database) {
        return new AuditChain(database, Clock.systemUTC(), AuditSeals.fixed());
    }
}
