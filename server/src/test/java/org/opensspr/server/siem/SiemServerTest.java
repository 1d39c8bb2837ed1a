package org.opensspr.server.siem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.AuditActivity;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.audit.AuditEntry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The assembled server forwards its audit log once --siem-host is given, and says where forwarding stands. */
class SiemServerTest {
    @Test
    void aServerWithASiemForwardsWhatItAudits(@TempDir Path data) throws Exception {
        try (FakeCollector collector = FakeCollector.plain();
             OpenSsprServer server = OpenSsprServer.open(config(data).withSiem(
                     SiemTesting.plainTcp(collector.port(), SiemFormat.CEF))).start()) {
            long id = server.auditLog().record(AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@example.org",
                    "policy"));

            Instant until = Instant.now().plusSeconds(10);
            while (!collector.ids().contains(id) && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }

            assertThat(collector.ids()).containsExactly(id);
            assertThat(collector.messages().getFirst()).contains(" sspr-policy-change ", "CEF:0|OpenSSPR|");
            assertThat(server.siemStatus()).hasValueSatisfying(status -> {
                assertThat(status.destination()).isEqualTo("127.0.0.1:" + collector.port());
                assertThat(status.format()).isEqualTo(SiemFormat.CEF);
            });
        }
    }

    @Test
    void theServerRefusesPlainTcpToACollectorElsewhere(@TempDir Path data) {
        ServerConfig config = config(data).withSiem(new SiemSettings("siem.example.org", 1514, SiemFormat.JSON, null,
                true, Duration.ofSeconds(5), 8000));

        assertThat(config.problems()).singleElement().asString().startsWith("SIEM: Plain TCP to the SIEM is only allowed");
    }

    private static ServerConfig config(Path data) {
        String url = "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        return new ServerConfig(data, "127.0.0.1", 0, url, "sa", "", true, null, null, false, false, null, null);
    }
}
