package org.opensspr.server.siem;

import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.db.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /audit/siem}: what an administrator who reads the audit log is told about forwarding to the SIEM. */
class SiemStatusApiTest {
    @Test
    void saysWhatReachedTheCollectorAndWhyTheRestWaits() throws Exception {
        FakeCollector collector = FakeCollector.plain();
        try (InProcessServer server = InProcessServer.startWithSiem(TestDatabases.H2,
                SiemTesting.plainTcp(collector.port(), SiemFormat.JSON));
             OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
            long delivered = server.server().auditLog().record(
                    AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@example.org", "SSPR policy"));

            SiemForwardingDto upToDate = await(reader, state -> state.lastForwardedId() >= delivered);
            assertThat(upToDate.configured()).isTrue();
            assertThat(upToDate.destination()).isEqualTo("127.0.0.1:" + collector.port());
            assertThat(upToDate.format()).isEqualTo("JSON");
            assertThat(upToDate.forwardedAt()).isNotNull();
            assertThat(upToDate.lastError()).isNull();

            collector.close();
            long waiting = server.server().auditLog().record(
                    AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@example.org", "SSPR policy"));

            SiemForwardingDto stuck = await(reader, state -> state.lastError() != null && state.waiting() > 0);
            assertThat(stuck.lastForwardedId()).isGreaterThanOrEqualTo(delivered).isLessThan(waiting);
            assertThat(stuck.oldestWaitingAt()).isNotNull();
            assertThat(stuck.lastErrorAt()).isNotNull();
        } finally {
            collector.close();
        }
    }

    @Test
    void aServerWithoutASiemSaysSoAndOnlyAuditReadersMayAsk() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            assertThat(reader.audit().siem()).isEqualTo(SiemForwardingDto.NOT_CONFIGURED);
            assertThatThrownBy(() -> helpdesk.audit().siem())
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    private static SiemForwardingDto await(OpenSsprClient reader, Predicate<SiemForwardingDto> done)
            throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        SiemForwardingDto state = reader.audit().siem();
        while (!done.test(state) && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            state = reader.audit().siem();
        }
        assertThat(done).as("the forwarding state in time: %s", state).accepts(state);
        return state;
    }
}
