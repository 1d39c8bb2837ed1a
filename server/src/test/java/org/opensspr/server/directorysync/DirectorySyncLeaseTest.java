package org.opensspr.server.directorysync;

import org.junit.jupiter.api.Test;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.writeback.LdapSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_RUN;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_STATE;

/**
 * One run at a time across servers sharing the database: while another server's lease on the directory runs, a
 * start is refused and the schedule skips its turn, without a run record or a call to the directory; a lease that
 * ran out (its server died) is taken over.
 */
class DirectorySyncLeaseTest {
    private static final LdapSettings NOWHERE = LdapSettings.activeDirectory(List.of("ldaps://127.0.0.1:1"),
            "CN=svc,DC=example,DC=org", "unused", "DC=example,DC=org");

    @OnBothDatabases
    void whileAnotherServerHoldsTheLeaseNothingStarts(Database db) {
        Instant now = Instant.now();
        leaseHeldBy(db, "other-server", now.plus(Duration.ofMinutes(5)));
        try (DirectorySync sync = sync(db)) {
            assertThat(sync.runNow("directory sync", DirectorySyncMode.DELTA, false)).isEmpty();
            assertThatThrownBy(() -> sync.start("admin@example.org", DirectorySyncMode.FULL, true))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
            assertThat(db.dsl().fetchCount(DIRECTORY_SYNC_RUN)).isZero();
        }
    }

    @OnBothDatabases
    void anExpiredLeaseIsTakenOverAndARunThatCantReachTheDirectoryFailsAndGivesItBack(Database db) {
        leaseHeldBy(db, "dead-server", Instant.now().minus(Duration.ofMinutes(1)));
        try (DirectorySync sync = sync(db)) {
            var run = sync.runNow("directory sync", DirectorySyncMode.DELTA, false).orElseThrow();

            assertThat(run.phase().name()).isEqualTo("FAILED");
            assertThat(run.error()).isNotBlank().doesNotContain("unused");
            assertThat(db.dsl().select(DIRECTORY_SYNC_STATE.LEASE_OWNER).from(DIRECTORY_SYNC_STATE)
                    .fetchOne(DIRECTORY_SYNC_STATE.LEASE_OWNER)).as("released").isNull();
        }
    }

    @Test
    void aSyncMoreOftenThanAMinuteIsRefused() {
        assertThat(new DirectorySyncSettings(NOWHERE, Duration.ofSeconds(30), null).problems())
                .singleElement().asString().contains("--ldap-sync-every");
        assertThat(new DirectorySyncSettings(NOWHERE, Duration.ofMinutes(15), "example.org").problems()).isEmpty();
    }

    private static void leaseHeldBy(Database db, String owner, Instant until) {
        db.dsl().insertInto(DIRECTORY_SYNC_STATE)
                .set(DIRECTORY_SYNC_STATE.DIRECTORY, DirectorySyncSettings.onDemand(NOWHERE).directoryKey())
                .set(DIRECTORY_SYNC_STATE.LEASE_OWNER, owner)
                .set(DIRECTORY_SYNC_STATE.LEASE_UNTIL, DbTime.of(until))
                .execute();
    }

    private static DirectorySync sync(Database db) {
        return new DirectorySync(db, Clock.systemUTC(), new AuditLog(db, Clock.systemUTC(), AuditSeals.fixed()),
                DirectorySyncSettings.onDemand(NOWHERE.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))));
    }
}
