package org.opensspr.bench.keycloak;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.opensspr.bench.load.EndpointLatencies;
import org.opensspr.bench.load.ErrorCounts;
import org.opensspr.bench.load.FlowTally;
import org.opensspr.bench.load.LoadOptions;
import org.opensspr.bench.load.RunWindow;
import org.opensspr.bench.load.ServerCpu;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's side: the realm and its users created, the hash timed, then N browsers on virtual threads through
 * the warm-up and the counted window, as {@code LoadRun} does for ours; afterwards a reset user's stored
 * credential says which hash parameters Keycloak really used.
 */
final class KeycloakRun {
    static final int HASHES_TIMED = 20;
    static final String REALM = "opensspr-bench";
    /**
     * The update-password step encodes the new password once. Nothing is verified (nobody types an old password)
     * and the realm has no passwordHistory policy, the only one that would hash the new password against old ones.
     */
    static final double HASHES_PER_RESET = 1;

    private KeycloakRun() {
    }

    /** The figures, and the hash parameters read back from a credential Keycloak stored (empty: none was). */
    record Result(SideReport report, Optional<KeycloakArgon2> stored) {
    }

    static Result run(SideBySideOptions options, KeycloakProcess process) throws InterruptedException, IOException {
        LoadOptions load = options.load();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(load.kiosks(), 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofMinutes(2))
                .build();
        KeycloakRealm realm = new KeycloakRealm(options.keycloak(), REALM);
        KeycloakAdmin admin = new KeycloakAdmin(http, options.keycloak(), options.adminUser(),
                options.adminPassword());
        try (Mailbox mailbox = Mailbox.start()) {
            List<KeycloakUser> users = new ArrayList<>();
            for (int n = 1; n <= load.users(); n++) {
                KeycloakUser user = KeycloakUser.numbered(n);
                mailbox.open(user.email());
                users.add(user);
            }
            admin.createRealm(realm.representation(users, mailbox.smtpPort()));
            // Before the load, so nothing else competes with it.
            Argon2Timing hash = Argon2Timing.measure(options.argon2(), HASHES_TIMED);

            BlockingQueue<KeycloakUser> freeUsers = new ArrayBlockingQueue<>(users.size(), false, users);
            EndpointLatencies latencies = new EndpointLatencies();
            ErrorCounts errors = new ErrorCounts();
            FlowTally tally = new FlowTally();
            ServerCpu cpu = process.cpu();
            RunWindow window = RunWindow.of(load, System.nanoTime());
            OptionalLong cpuBefore;
            try (ExecutorService browsers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int b = 0; b < load.kiosks(); b++) {
                    Browser browser = new Browser(http, realm::isSignedInRedirect);
                    running.add(browsers.submit(new SimulatedBrowser(browser, realm, mailbox, freeUsers, window,
                            latencies, errors, tally)));
                }
                sleepUntil(window.measuredFrom());
                cpuBefore = cpu.nanos();
                for (Future<?> browser : running) {
                    browser.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("A simulated browser stopped", e.getCause());
            }
            OptionalLong cpuAfter = cpu.nanos();
            long end = Math.max(tally.lastEnd(), window.measuredFrom() + 1);
            double seconds = (end - window.measuredFrom()) / 1e9;
            long completed = tally.completed();
            double flowsPerSecond = completed / seconds;
            Double cpuPerReset = cpuBefore.isPresent() && cpuAfter.isPresent() && completed > 0
                    ? (cpuAfter.getAsLong() - cpuBefore.getAsLong()) / 1e9 / completed : null;
            int cores = Runtime.getRuntime().availableProcessors();
            double limit = SideReport.limit(cores, hash.cpuMsPerHash(), HASHES_PER_RESET);
            Optional<KeycloakArgon2> stored = storedHash(admin, users);
            SideReport report = new SideReport("Keycloak " + options.keycloakVersion(),
                    "Keycloak at " + options.keycloak() + ", realm " + REALM, seconds, completed,
                    tally.failedFlows(), flowsPerSecond, errors.summary(), latencies.summary(), cpuPerReset,
                    cpu.covers(), hash.parameters() + " (Bouncy Castle, as Keycloak's argon2 provider; stored "
                    + "credential: " + stored.map(KeycloakArgon2::toString).orElse("none stored") + ")", hash.cpuMsPerHash(), hash.wallMsPerHash(),
                    "the new password, encoded once; no verify, no history policy", HASHES_PER_RESET, cores, limit,
                    flowsPerSecond / limit);
            return new Result(report, stored);
        }
    }

    /** From the first users to be reset (the queue hands them out in order), any one who has a password now. */
    private static Optional<KeycloakArgon2> storedHash(KeycloakAdmin admin, List<KeycloakUser> users)
            throws IOException {
        for (KeycloakUser user : users.subList(0, Math.min(users.size(), 20))) {
            var stored = admin.passwordHashOf(REALM, user.username());
            if (stored.isPresent()) {
                return stored;
            }
        }
        return Optional.empty();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
