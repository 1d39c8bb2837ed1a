package org.opensspr.bench.load;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * One run's figures. {@code serverCpuSecondsPerReset} is null when the server's CPU couldn't be read; see
 * {@code cpuCovers} for what it includes. Latencies are in milliseconds, per "METHOD path-template". {@code method}
 * is the run's, {@code gates} what each flow passed; {@code serverCpuMsPerResetByThread} the server's CPU per reset by
 * what its threads do (hashes, requests, JIT compilers, garbage collector, …; null where its threads can't be
 * read); {@code appWaits} how often kiosks waited for a user whose app's current code was unused;
 * {@code passwordsSignedIn} of {@code passwordsChecked} reset users signed in with their new password after the run.
 */
public record LoadReport(String server, int instances, int kiosks, int users, double warmupSeconds, double measuredSeconds,
                         long flowsCompleted, long flowsFailed, double flowsPerSecond, boolean usersRanOut,
                         Map<String, Long> errors, Map<String, Latency> latencies, Double serverCpuSecondsPerReset,
                         Double hashingCpuSecondsPerReset, String cpuCovers, Map<String, Double> serverCpuMsPerResetByThread,
                         DatabaseWork databaseWork, Hashing hashing, String method, String gates, long appWaits,
                         double appWaitSeconds, int passwordsChecked, int passwordsSignedIn) {

    /**
     * The CPU per reset that isn't its hashes (an upper bound when the generator's CPU is in the figure): less what
     * the server's hashing threads used where they could be read ({@code hashingCpuSecondsPerReset}), else less the
     * hashes as timed in the generator's JVM before the run.
     */
    @JsonProperty
    public Double serverCpuBeyondHashesSecondsPerReset() {
        if (serverCpuSecondsPerReset == null) {
            return null;
        }
        return serverCpuSecondsPerReset - (hashingCpuSecondsPerReset != null ? hashingCpuSecondsPerReset
                : hashing.cpuMsPerHash() / 1_000 * hashing.hashesPerReset());
    }

    public record Latency(long count, double p50, double p95, double p99, double max) {
    }

    /**
     * What a reset asked of the database, counted by the server over the same resets as its hashes: statements,
     * and transactions committed (on the embedded H2 file each writes the pages it changed). Null where not served.
     */
    public record DatabaseWork(Double statementsPerReset, Double transactionsPerReset, EmbeddedFile file) {
    }

    /**
     * The embedded H2 file (ADR 35): its size in MB when the counting began (NaN if no compaction run had seen it
     * yet) and at its end, as its last compaction run saw it, the share of its chunks' bytes live then (0–1), and its
     * upkeep's compaction runs and syncs meanwhile, with their mean milliseconds.
     */
    public record EmbeddedFile(double mbBefore, double mbAfter, double liveAfter, long compactions,
                               double msPerCompaction, long syncs, double msPerSync) {
    }

    /**
     * The hash-bound limit: {@code cores ÷ (hash CPU seconds × hashes per reset)} resets/s, and this run's
     * flows/s as a share of it. Hashes per reset are counted by the server ({@code hashesCounted}: its hashes
     * between the counted window's start and the last flow's start — with --flows, the last flow's end — ÷ the
     * resets completed meanwhile, null when its meter can't be read) and expected from the flows ({@code hashesExpected}: each gate's hashes — one per
     * security question asked — plus the new password's, once for a user without one and twice for a user with
     * one, whose current password is checked first). The limit uses the server's count where there is one.
     */
    public record Hashing(String parameters, int timed, double wallMsPerHash, double cpuMsPerHash, int cores,
                          long resetsWithoutPassword, long resetsWithPassword, double hashesPerReset,
                          double hashBoundLimit, double ratio, Double hashesCounted, double hashesExpected) {
        static Hashing of(HashCost cost, int cores, long withoutPassword, long withPassword, double flowsPerSecond,
                          int gateHashes, Double counted) {
            long resets = withoutPassword + withPassword;
            double expected = resets == 0 ? 0 : gateHashes + (withoutPassword + 2.0 * withPassword) / resets;
            double perReset = counted != null && counted > 0 ? counted : expected;
            double limit = perReset == 0 ? 0 : cores / (cost.cpuMsPerHash() / 1_000 * perReset);
            return new Hashing(cost.parameters(), cost.timed(), cost.wallMsPerHash(), cost.cpuMsPerHash(), cores,
                    withoutPassword, withPassword, perReset, limit, limit == 0 ? 0 : flowsPerSecond / limit, counted,
                    expected);
        }
    }

    /**
     * Several runs side by side, one per method and instance count: resets/s, as a multiple of the first run's,
     * hashes per reset and each run's hash-bound limit. Instances share one machine's cores, so the limit doesn't
     * grow with them; methods differ in their hashes per reset, so each has its own limit.
     */
    static void printComparison(List<LoadReport> runs, PrintStream out) {
        LoadReport first = runs.getFirst();
        out.printf("%nSide by side, %d kiosks, on this machine's %d cores (instances share one database):%n",
                first.kiosks(), first.hashing().cores());
        out.printf("%-24s %9s %9s %11s %7s %13s %12s %7s %12s%n", "method", "instances", "resets/s", "÷ first run",
                "failed", "hashes/reset", "hash limit/s", "ratio", "p99 reset ms");
        for (LoadReport run : runs) {
            Latency reset = run.latencies().get(ResetFlow.NEW_PASSWORD);
            out.printf("%-24s %9d %9.2f %11.2f %7d %13.2f %12.1f %7.2f %12s%n", run.method(), run.instances(),
                    run.flowsPerSecond(), first.flowsPerSecond() == 0 ? 0 : run.flowsPerSecond() / first.flowsPerSecond(),
                    run.flowsFailed(), run.hashing().hashesPerReset(), run.hashing().hashBoundLimit(),
                    run.hashing().ratio(), reset == null ? "-" : "%.1f".formatted(reset.p99()));
        }
    }

    void print(PrintStream out) {
        out.printf("Server: %s%n", server);
        out.printf("Method: %s (gates: %s)%n", method, gates);
        out.printf("%d kiosks, %d users; warm-up %.0f s, then %.1f s counted%n", kiosks, users, warmupSeconds,
                measuredSeconds);
        out.printf("Flows completed: %d (%.2f/s); failed: %d%s%n", flowsCompleted, flowsPerSecond, flowsFailed,
                usersRanOut ? " — stopped early: every free user had used up their emails (give more --users)" : "");
        errors.forEach((code, count) -> out.printf("  error %-40s %d%n", code, count));
        out.printf("Passwords checked after the run: %d of %d reset users signed in with the password their reset set%n",
                passwordsSignedIn, passwordsChecked);
        if (appWaits > 0) {
            out.printf("Kiosks waited %d times (%.1f s in all) for a user whose app's code of this step was unused:"
                    + " give more --users (resets/s × 30 s)%n", appWaits, appWaitSeconds);
        }
        out.printf("%-40s %7s %9s %9s %9s %9s%n", "latency (ms)", "calls", "p50", "p95", "p99", "max");
        latencies.forEach((endpoint, l) -> out.printf("%-40s %7d %9.2f %9.2f %9.2f %9.2f%n", endpoint, l.count(),
                l.p50(), l.p95(), l.p99(), l.max()));
        out.printf("Server CPU per completed reset: %s — %s%n", serverCpuSecondsPerReset == null ? "unknown"
                : "%.1f ms, %.1f ms of it beyond the hashes%s".formatted(serverCpuSecondsPerReset * 1_000,
                serverCpuBeyondHashesSecondsPerReset() * 1_000, hashingCpuSecondsPerReset == null
                        ? " (as timed before the run)"
                        : " (its hashing threads used %.1f ms, %.1f ms a hash)".formatted(
                        hashingCpuSecondsPerReset * 1_000, hashingCpuSecondsPerReset * 1_000
                                / hashing.hashesPerReset())), cpuCovers);
        if (serverCpuMsPerResetByThread != null) {
            out.printf("  by thread: %s%n", String.join(", ", serverCpuMsPerResetByThread.entrySet().stream()
                    .map(e -> "%s %.1f ms".formatted(e.getKey(), e.getValue())).toList()));
        }
        if (databaseWork.statementsPerReset() != null && databaseWork.transactionsPerReset() != null) {
            out.printf("Database work per reset: %.1f statements, %.1f transactions committed (the server's count)%n",
                    databaseWork.statementsPerReset(), databaseWork.transactionsPerReset());
        }
        if (databaseWork.file() != null) {
            EmbeddedFile file = databaseWork.file();
            out.printf("Embedded file: %s MB when counting began, %.0f MB at its end, %.0f %% of its chunks' bytes live;"
                            + " its upkeep meanwhile: %d compaction runs, %.1f ms each (with their waits for H2's lock);"
                            + " %d syncs, %.1f ms each%n",
                    Double.isNaN(file.mbBefore()) ? "?" : "%.0f".formatted(file.mbBefore()), file.mbAfter(),
                    file.liveAfter() * 100, file.compactions(), file.msPerCompaction(), file.syncs(), file.msPerSync());
        }
        out.printf("Hash: %s, %.1f ms CPU (%.1f ms wall) each, %d timed one at a time%n", hashing.parameters(),
                hashing.cpuMsPerHash(), hashing.wallMsPerHash(), hashing.timed());
        out.printf("Hashes per reset: %s counted by the server; %.2f expected (%d resets of users without a password:"
                        + " 1 hash for it; %d with one: 2; plus each gate's)%n",
                hashing.hashesCounted() == null ? "not" : "%.2f".formatted(hashing.hashesCounted()),
                hashing.hashesExpected(), hashing.resetsWithoutPassword(), hashing.resetsWithPassword());
        out.printf("Hash-bound limit: %d cores ÷ (%.1f ms × %.2f) = %.1f resets/s; flows/s ÷ limit = %.2f%n",
                hashing.cores(), hashing.cpuMsPerHash(), hashing.hashesPerReset(), hashing.hashBoundLimit(),
                hashing.ratio());
    }
}
