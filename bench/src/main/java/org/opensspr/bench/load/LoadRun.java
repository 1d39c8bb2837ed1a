package org.opensspr.bench.load;

import org.opensspr.methods.AuthMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One load run: prepare the server, time the hash, run the kiosks on virtual threads through the warm-up and
 * the counted window, and add it up.
 */
public final class LoadRun {
    static final int HASHES_TIMED = 20;

    private LoadRun() {
    }

    /**
     * One run per method and instance count of {@code options}, one after the other, each on a fresh server and
     * database.
     */
    public static List<LoadReport> runEach(LoadOptions options) throws InterruptedException {
        List<LoadReport> reports = new ArrayList<>();
        for (AuthMethod method : options.methods()) {
            for (int count : options.instances()) {
                reports.add(run(options.with(count, method)));
            }
        }
        return reports;
    }

    /** One run, with the first of {@code options}' methods and instance counts. */
    public static LoadReport run(LoadOptions options) throws InterruptedException {
        // Before any server starts in this JVM, so its start-up (JIT compiling, background jobs) isn't in the figure.
        HashCost hash = HashCost.measure(HASHES_TIMED);
        int instances = options.instances().getFirst();
        MethodPlan plan = MethodPlan.of(options.methods().getFirst());
        try (LoadTarget target = target(options, instances, plan);
             TestOutbox outbox = new TestOutbox(target.url());
             PhoneApp phone = new PhoneApp()) {
            UserPool users = new UserPool(target.users(), plan);
            ServerCounters counters = new ServerCounters(target.urls());
            List<KioskIdentity> identities = new ArrayList<>();
            for (int k = 1; k <= options.kiosks(); k++) {
                identities.add(new KioskIdentity(target, "load-kiosk-" + k));
            }
            EndpointLatencies latencies = new EndpointLatencies();
            ErrorCounts errors = new ErrorCounts();
            FlowTally tally = new FlowTally();
            RunWindow window = RunWindow.of(options, System.nanoTime());
            OptionalLong cpuBefore;
            Optional<ThreadCpu> threadsBefore;
            ServerCounters.Counts countsBefore;
            long resetsBefore;
            ServerCounters.Counts countsAfter = new ServerCounters.Counts(java.util.Map.of());
            long resetsAfter = 0;
            try (ExecutorService kiosks = Executors.newVirtualThreadPerTaskExecutor()) {
                HealthProbe probe = new HealthProbe(target.url(), window, latencies, errors);
                Future<?> probing = kiosks.submit(probe);
                List<Future<?>> running = new ArrayList<>();
                for (int k = 0; k < identities.size(); k++) {
                    running.add(kiosks.submit(new SimulatedKiosk(target.urls(), k, identities.get(k), users, plan,
                            outbox, phone, window, latencies, errors, tally)));
                }
                sleepUntil(window.measuredFrom());
                cpuBefore = target.serverCpu().nanos();
                threadsBefore = target.serverCpu().threads();
                resetsBefore = tally.resetsAtAll();
                countsBefore = counters.read();
                if (!options.countsFlows()) {
                    // Read again as the last flows start: as many flows are in flight as at the first reading, so
                    // the hashes of flows cut by either moment even out (after the last flow, they wouldn't).
                    sleepUntil(window.startsUntil());
                    resetsAfter = tally.resetsAtAll();
                    countsAfter = counters.read();
                }
                for (Future<?> kiosk : running) {
                    kiosk.get();
                }
                probe.stop();
                probing.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A simulated kiosk stopped", e.getCause());
            }
            OptionalLong cpuAfter = target.serverCpu().nanos();
            Optional<ThreadCpu> threadsAfter = target.serverCpu().threads();
            if (options.countsFlows()) { // every flow started with the first reading: the last one ends them all
                resetsAfter = tally.resetsAtAll();
                countsAfter = counters.read();
            }
            long resetsBetween = resetsAfter - resetsBefore;
            Double hashesCounted = countsAfter.perReset(countsBefore, ServerCounters.HASHES, resetsBetween);
            UserPool.AppWaits waits = users.appWaits();
            PasswordCheck.Result passwords = PasswordCheck.signIn(target.url(), identities.getFirst(),
                    users.resetPasswords(PasswordCheck.USERS_CHECKED));
            long end = Math.max(tally.lastEnd(), window.measuredFrom() + 1);
            double seconds = (end - window.measuredFrom()) / 1e9;
            long completed = tally.completed();
            double flowsPerSecond = completed / seconds;
            Double cpuPerReset = perReset(cpuBefore, cpuAfter, completed);
            // A hashing thread that ended took its CPU out of the by-thread figures, and the hashes' share with it:
            // then neither is reported (the CPU beyond the hashes falls back to the hash as timed before the run).
            Map<ThreadCpu.Kind, Long> byThread = threadsBefore.isPresent() && threadsAfter.isPresent()
                    && !threadsAfter.get().ended(threadsBefore.get()).contains(ThreadCpu.Kind.HASHING)
                    ? threadsAfter.get().since(threadsBefore.get()) : null;
            Double hashingPerReset = byThread == null || completed == 0 ? null
                    : byThread.get(ThreadCpu.Kind.HASHING) / 1e9 / completed;
            return new LoadReport(target.description(), target.urls().size(), options.kiosks(), options.users(),
                    options.warmup().toMillis() / 1e3, seconds, completed, tally.failed.sum(), flowsPerSecond,
                    tally.didUsersRunOut(), errors.summary(), latencies.summary(), cpuPerReset, hashingPerReset,
                    target.serverCpu().covers(), msPerReset(byThread, cpuBefore, cpuAfter, completed),
                    new LoadReport.DatabaseWork(countsAfter.perReset(countsBefore, ServerCounters.STATEMENTS, resetsBetween),
                            countsAfter.perReset(countsBefore, ServerCounters.TRANSACTIONS, resetsBetween),
                            target.urls().size() == 1 ? countsAfter.file(countsBefore) : null),
                    LoadReport.Hashing.of(hash, Runtime.getRuntime().availableProcessors(),
                            tally.resetsWithoutPassword.sum(), tally.resetsWithPassword.sum(), flowsPerSecond,
                            plan.hashesAtGates(), hashesCounted),
                    plan.method().name(), plan.describe(), waits.times(), waits.seconds(), passwords.checked(),
                    passwords.signedIn());
        }
    }

    /** Each kind of thread's CPU milliseconds per completed reset, by its label; null where not read. */
    private static Map<String, Double> msPerReset(Map<ThreadCpu.Kind, Long> byThread, OptionalLong cpuBefore,
                                                  OptionalLong cpuAfter, long completed) {
        if (byThread == null || completed == 0) {
            return null;
        }
        Map<String, Double> ms = new java.util.LinkedHashMap<>();
        byThread.forEach((kind, nanos) -> ms.put(kind.label(), nanos / 1e6 / completed));
        if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
            // The process's CPU no thread read at the end accounts for: threads that ended since the first reading
            // (a thread's CPU leaves the per-thread figures with it), and each thread's rounding to 10 ms ticks.
            long inThreads = byThread.values().stream().mapToLong(Long::longValue).sum();
            long unaccounted = cpuAfter.getAsLong() - cpuBefore.getAsLong() - inThreads;
            ms.put(ENDED_THREADS, Math.max(0, unaccounted) / 1e6 / completed);
        }
        return ms;
    }

    static final String ENDED_THREADS = "in no thread left at the end (ended threads, rounding)";

    /** CPU seconds per completed reset between two readings; null where either couldn't be read. */
    private static Double perReset(OptionalLong before, OptionalLong after, long completed) {
        return before.isPresent() && after.isPresent() && completed > 0
                ? (after.getAsLong() - before.getAsLong()) / 1e9 / completed : null;
    }

    private static LoadTarget target(LoadOptions options, int instances, MethodPlan plan) {
        if (options.startsServerProcess()) {
            return ServerProcess.start(options.serverJavaOptions(), options.users(), plan);
        }
        return options.server() == null
                ? InProcessTarget.start(options.users(), instances, options.database(), plan)
                : RemoteTarget.prepare(options.server(), options.adminToken(), options.users(), options.serverPid(),
                plan);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
