package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.LDAPException;
import org.junit.jupiter.api.Test;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.writeback.SambaDomainController;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory sync's API as the console uses it (OpenSsprClient), against a real Samba AD DC. */
class DirectorySyncApiTest {

    @Test
    void aUserAdministratorStartsADryRunThenARealOneAndFollowsBothToTheirOutcome() throws LDAPException {
        SambaDomainController dc = SambaDomainController.shared();
        try (TestOu ou = new TestOu(dc);
             InProcessServer server = InProcessServer.start(TestDatabases.H2, null, ou.settings());
             OpenSsprClient admin = TestAdmins.client(server, Role.USER_ADMINISTRATOR);
             OpenSsprClient reader = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            String upn = "erin-" + ou.tag() + "@test.local";
            ou.addUser("Erin", upn);

            DirectorySyncRunDto dry = finished(admin, admin.directorySync().start(DirectorySyncMode.DELTA, true));

            assertThat(dry.phase()).isEqualTo(DirectorySyncPhase.DONE);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.mode()).as("no cursor yet").isEqualTo(DirectorySyncMode.FULL);
            assertThat(dry.note()).contains("no earlier run");
            assertThat(admin.directorySync().changes(dry.id(), 0, 10).items()).containsExactly(
                    new DirectorySyncChangeDto(DirectorySyncChangeKind.ADD_USER, upn, "", java.util.List.of()));
            assertThat(server.server().directory().loadUserByUpn(upn)).as("a dry run writes nothing").isEmpty();

            DirectorySyncRunDto real = finished(admin, admin.directorySync().start(DirectorySyncMode.FULL, false));

            assertThat(real.usersAdded()).isOne();
            assertThat(real.requestedBy()).isNotBlank();
            assertThat(server.server().directory().loadUserByUpn(upn)).isPresent();
            assertThat(admin.directorySync().recent(10)).extracting(DirectorySyncRunDto::id)
                    .containsExactly(real.id(), dry.id());
            assertThatThrownBy(() -> reader.directorySync().start(DirectorySyncMode.FULL, false))
                    .isInstanceOfSatisfying(OpenSsprApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
            assertThat(reader.directorySync().run(real.id())).isEqualTo(real);
        }
    }

    @Test
    void withoutADirectoryTheRoutesSayThereIsNothingToSync() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            assertThat(admin.directorySync().recent(5)).isEmpty();
            assertThatThrownBy(() -> admin.directorySync().run("no-such-run"))
                    .isInstanceOfSatisfying(OpenSsprApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> admin.directorySync().start(DirectorySyncMode.FULL, true))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.getMessage()).contains("--ldap-url");
                    });
        }
    }

    private static DirectorySyncRunDto finished(OpenSsprClient client, String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        DirectorySyncRunDto run = client.directorySync().run(runId);
        while (!run.phase().finished() && System.nanoTime() < deadline) {
            sleep();
            run = client.directorySync().run(runId);
        }
        return run;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
