package org.opensspr.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.db.TestDatabases;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The load generator in a smoke size: 2 kiosks × 3 complete resets, on a server it starts and on a running one,
 * with each method.
 */
class LoadGeneratorSmokeTest {
    private static final int KIOSKS = 2;
    private static final int FLOWS_EACH = 3;

    /**
     * --methods M: every method completes its flows, the server counts the hashes the flows should cost (fresh
     * users: the new password's one, plus one per security question asked), and the reset users sign in with their
     * new passwords.
     */
    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyMethodCompletesItsFlows(AuthMethod method) throws Exception {
        LoadReport report = LoadRun.run(LoadOptions.flows(KIOSKS, FLOWS_EACH, 10, method));
        MethodPlan plan = MethodPlan.of(method);

        assertThat(report.method()).isEqualTo(method.name());
        assertEveryFlowCompletedWithItsFigures(report, plan.gates().size());
        assertThat(report.serverCpuSecondsPerReset()).isPositive();
        assertThat(report.hashing().hashesCounted()).as("hashes per reset, counted by the server")
                .isEqualTo(1.0 + plan.hashesAtGates());
        assertThat(report.passwordsChecked()).isEqualTo(KIOSKS * FLOWS_EACH);
        assertThat(report.passwordsSignedIn()).isEqualTo(report.passwordsChecked());
        if (method == AuthMethod.MOBILE_APP_NOTIFICATION) {
            assertThat(report.gates()).isEqualTo("MOBILE_APP_NOTIFICATION + EMAIL");
            assertThat(report.latencies().get(PhoneApp.ANSWER).count()).isEqualTo(KIOSKS * FLOWS_EACH);
        }
    }

    /**
     * One user, two resets with the app's code: the server takes each step's code once, so the second flow waits
     * for the app's next step (up to 30 s) rather than fail; the second reset checks the first one's password too.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theAppsCodeIsUsedOncePerStepSoOneUserWaitsForTheNext() throws Exception {
        LoadReport report = LoadRun.run(LoadOptions.flows(1, 2, 1, AuthMethod.MOBILE_APP_CODE));

        assertThat(report.errors()).isEmpty();
        assertThat(report.flowsCompleted()).isEqualTo(2);
        assertThat(report.appWaits()).isPositive();
        assertThat(report.hashing().resetsWithPassword()).isEqualTo(1);
        assertThat(report.hashing().hashesCounted()).isEqualTo(1.5);
        assertThat(report.passwordsSignedIn()).isEqualTo(1);
    }

    @Test
    void aRunningServerTakesOnlyTheMethodsItsAdminApiCanSeed() {
        assertThatThrownBy(() -> LoadOptions.parse("--server", "http://127.0.0.1:1", "--admin-token", "t",
                "--methods", "EMAIL,MOBILE_APP_CODE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no app seed");
        assertThat(LoadOptions.parse("--methods", "email, office_phone").methods())
                .containsExactly(AuthMethod.EMAIL, AuthMethod.OFFICE_PHONE);
    }

    /** --instances 2 --database postgres: each flow's steps go to both instances, which share one database. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void twoInstancesOnOnePostgres() throws Exception {
        LoadReport report = LoadRun.run(new LoadOptions(KIOSKS, null, FLOWS_EACH, Duration.ZERO, 10, null, null, 0,
                null, List.of(2), LoadOptions.Database.POSTGRES));

        assertEveryFlowCompletedWithItsFigures(report);
        assertThat(report.instances()).isEqualTo(2);
        assertThat(report.server()).contains("2 instances", "PostgreSQL");
        assertThat(report.cpuCovers()).contains("not PostgreSQL's");
        assertThat(report.databaseWork().file()).as("no embedded file").isNull();
    }

    @Test
    void severalInstancesNeedPostgres() {
        assertThatThrownBy(() -> LoadOptions.parse("--instances", "1,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--database postgres");
        assertThat(LoadOptions.parse("--instances", "1,2,3", "--database", "postgres").instances())
                .containsExactly(1, 2, 3);
    }

    /**
     * --server URL --admin-token: users imported with their contact data, the policy set and kiosks enrolled over
     * the admin API, for each method contact data backs.
     */
    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"EMAIL", "MOBILE_PHONE", "OFFICE_PHONE"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void againstARunningServerPreparedOverItsApi(AuthMethod method) throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            String token = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
            LoadReport report = LoadRun.run(new LoadOptions(KIOSKS, null, FLOWS_EACH, Duration.ZERO, 10, server.url(),
                    token, ProcessHandle.current().pid(), null, List.of(1), LoadOptions.Database.H2, List.of(method),
                    List.of()));

            assertEveryFlowCompletedWithItsFigures(report);
            assertThat(report.method()).isEqualTo(method.name());
            assertThat(report.hashing().hashesCounted()).isEqualTo(1.0);
            assertThat(report.passwordsSignedIn()).isEqualTo(KIOSKS * FLOWS_EACH);
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
        // Its hashing threads' own CPU, read from /proc/PID/task: a share of the process's, a hash at least per reset.
        assertThat(report.hashingCpuSecondsPerReset()).isPositive()
                .isLessThan(report.serverCpuSecondsPerReset());
        assertThat(report.serverCpuBeyondHashesSecondsPerReset())
                .isEqualTo(report.serverCpuSecondsPerReset() - report.hashingCpuSecondsPerReset());
        // Where the process's CPU went, by its threads: the hashes as above, and the requests' carriers did work.
        assertThat(report.serverCpuMsPerResetByThread()).containsKeys("hashes", "requests", "JIT compilers",
                        "garbage collector", "delivery worker", "other threads", LoadRun.ENDED_THREADS);
        // The same figure reached by two roundings (35.0 against 34.99999999999999 once): equal within 1e-9 ms.
        assertThat(report.serverCpuMsPerResetByThread().get("hashes"))
                .isCloseTo(report.hashingCpuSecondsPerReset() * 1_000, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.serverCpuMsPerResetByThread().get("requests")).isPositive();
        assertThat(report.serverCpuMsPerResetByThread().values().stream().mapToDouble(Double::doubleValue).sum())
                .as("no thread counted twice").isLessThanOrEqualTo(report.serverCpuSecondsPerReset() * 1_000 + 10);
        // Its embedded file as the server's meters show it (ADR 35): a size and a live share.
        LoadReport.EmbeddedFile file = report.databaseWork().file();
        assertThat(file).as("the embedded file's figures").isNotNull();
        assertThat(file.mbAfter()).isPositive();
        assertThat(file.liveAfter()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
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
        assertEveryFlowCompletedWithItsFigures(report, 1);
    }

    private static void assertEveryFlowCompletedWithItsFigures(LoadReport report, int gates) {
        assertThat(report.errors()).as("errors by code").isEmpty();
        assertThat(report.flowsFailed()).isZero();
        assertThat(report.flowsCompleted()).isEqualTo(KIOSKS * FLOWS_EACH);
        assertThat(report.latencies()).containsKeys(ResetFlow.START, ResetFlow.IDENTIFY, ResetFlow.CHOOSE_METHOD,
                ResetFlow.PROVE, ResetFlow.NEW_PASSWORD, HealthProbe.ENDPOINT);
        assertThat(report.latencies().get(ResetFlow.NEW_PASSWORD).count()).isEqualTo(KIOSKS * FLOWS_EACH);
        assertThat(report.latencies().get(ResetFlow.CHOOSE_METHOD).count()).isEqualTo(KIOSKS * FLOWS_EACH * gates);
        assertThat(report.latencies().get(ResetFlow.PROVE).count()).isEqualTo(KIOSKS * FLOWS_EACH * gates);
        report.latencies().values().forEach(latency -> {
            assertThat(latency.p50()).isPositive();
            assertThat(latency.p99()).isGreaterThanOrEqualTo(latency.p50());
        });
        assertThat(report.flowsPerSecond()).isPositive().isFinite();
        assertThat(report.hashing().cpuMsPerHash()).isPositive();
        // 10 fresh users for 6 flows: each resets once, having no password yet, so one hash each for the password.
        assertThat(report.hashing().resetsWithPassword()).isZero();
        assertThat(report.hashing().hashesExpected()).isEqualTo(report.hashing().hashesPerReset());
        assertThat(report.hashing().hashBoundLimit()).isPositive().isFinite();
        assertThat(report.hashing().ratio()).isPositive().isFinite();
        // The server counted its database work over the same resets: at least a committed transaction per step
        // (start, identify, and per gate choose and prove, then the new password), and statements beyond them.
        assertThat(report.databaseWork().transactionsPerReset()).isGreaterThanOrEqualTo(3 + 2.0 * gates);
        assertThat(report.databaseWork().statementsPerReset()).isGreaterThan(report.databaseWork().transactionsPerReset());
    }
}
