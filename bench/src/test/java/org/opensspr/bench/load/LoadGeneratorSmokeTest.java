package org.opensspr.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.db.TestDatabases;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load generator in a smoke size: 2 kiosks × 3 complete resets, on a server it starts and on a running one. */
class LoadGeneratorSmokeTest {
    private static final int KIOSKS = 2;
    private static final int FLOWS_EACH = 3;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyFlowCompletesAndEveryFigureIsThere() throws Exception {
        LoadReport report = LoadRun.run(LoadOptions.flows(KIOSKS, FLOWS_EACH, 10));

        assertEveryFlowCompletedWithItsFigures(report);
        assertThat(report.serverCpuSecondsPerReset()).isPositive();
    }

    /** --instances 2 --database postgres: each flow's steps go to both instances, which share one database. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void twoInstancesOnOnePostgres() throws Exception {
        LoadReport report = LoadRun.run(new LoadOptions(KIOSKS, null, FLOWS_EACH, Duration.ZERO, 10, null, null, 0,
                null, List.of(2), LoadOptions.Database.POSTGRES, List.of()));

        assertEveryFlowCompletedWithItsFigures(report);
        assertThat(report.instances()).isEqualTo(2);
        assertThat(report.server()).contains("2 instances", "PostgreSQL");
        assertThat(report.cpuCovers()).contains("not PostgreSQL's");
    }

    @Test
    void severalInstancesNeedPostgres() {
        assertThatThrownBy(() -> LoadOptions.parse("--instances", "1,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--database postgres");
        assertThat(LoadOptions.parse("--instances", "1,2,3", "--database", "postgres").instances())
                .containsExactly(1, 2, 3);
    }

    /** --server URL --admin-token: users imported, the policy set and kiosks enrolled over the admin API. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void againstARunningServerPreparedOverItsApi() throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            String token = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
            LoadReport report = LoadRun.run(new LoadOptions(KIOSKS, null, FLOWS_EACH, Duration.ZERO, 10, server.url(),
                    token, ProcessHandle.current().pid(), null));

            assertEveryFlowCompletedWithItsFigures(report);
            assertThat(report.cpuCovers()).contains("/proc/");
            assertThat(report.serverCpuSecondsPerReset()).isPositive();
        }
    }

    /**
     * --server process: the server runs in a JVM of its own (its options passed on), its administrator made by
     * the create-admin command, and the CPU figure read from that process alone.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void againstAServerInAProcessOfItsOwn() throws Exception {
        LoadOptions options = LoadOptions.parse("--server", "process", "--server-java-options", " -Xmx256m  -Xss512k ",
                "--kiosks", Integer.toString(KIOSKS), "--flows", Integer.toString(FLOWS_EACH), "--users", "10");
        assertThat(options.serverJavaOptions()).containsExactly("-Xmx256m", "-Xss512k");

        LoadReport report = LoadRun.run(options);

        assertEveryFlowCompletedWithItsFigures(report);
        assertThat(report.server()).contains("process of its own");
        assertThat(report.cpuCovers()).contains("/proc/");
        assertThat(report.serverCpuSecondsPerReset()).isPositive();
    }

    @Test
    void serverJavaOptionsGoWithAServerProcess() {
        assertThatThrownBy(() -> LoadOptions.parse("--server-java-options", "-Xmx1g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--server process");
        assertThatThrownBy(() -> LoadOptions.parse("--server", "process", "--database", "postgres"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded default");
        assertThat(LoadOptions.parse("--server", "process").startsServerProcess()).isTrue();
    }

    private static void assertEveryFlowCompletedWithItsFigures(LoadReport report) {
        assertThat(report.errors()).as("errors by code").isEmpty();
        assertThat(report.flowsFailed()).isZero();
        assertThat(report.flowsCompleted()).isEqualTo(KIOSKS * FLOWS_EACH);
        assertThat(report.latencies()).containsKeys(ResetFlow.START, ResetFlow.IDENTIFY, ResetFlow.CHOOSE_METHOD,
                ResetFlow.PROVE, ResetFlow.NEW_PASSWORD, TestOutbox.ENDPOINT, HealthProbe.ENDPOINT);
        assertThat(report.latencies().get(ResetFlow.NEW_PASSWORD).count()).isEqualTo(KIOSKS * FLOWS_EACH);
        report.latencies().values().forEach(latency -> {
            assertThat(latency.p50()).isPositive();
            assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p50());
        });
        assertThat(report.flowsPerSecond()).isPositive().isFinite();
        assertThat(report.hashing().cpuMsPerHash()).isPositive();
        // 10 fresh users for 6 flows: each resets once, having no password yet, so one hash each.
        assertThat(report.hashing().hashesPerReset()).isEqualTo(1.0);
        assertThat(report.hashing().hashBoundLimit()).isPositive().isFinite();
        assertThat(report.hashing().ratio()).isPositive().isFinite();
    }
}
