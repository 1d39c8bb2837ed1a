package org.opensspr.bench.keycloak;

import org.opensspr.bench.load.LoadReport;

import java.io.PrintStream;
import java.util.Map;

/**
 * One side's figures in the side-by-side run: complete flows/s, failures, latency per step, CPU per reset and
 * the hash-bound limit, {@code cores ÷ (hash CPU seconds × hashes per reset)}, with flows/s as a share of it.
 */
public record SideReport(String side, String server, double measuredSeconds, long flowsCompleted, long flowsFailed,
                         double flowsPerSecond, Map<String, Long> errors, Map<String, LoadReport.Latency> latencies,
                         Double serverCpuSecondsPerReset, String cpuCovers, String hashParameters,
                         double cpuMsPerHash, double wallMsPerHash, String hashesCounted, double hashesPerReset,
                         int cores, double hashBoundLimit, double ratioToLimit) {

    static SideReport ofOurs(LoadReport report) {
        LoadReport.Hashing h = report.hashing();
        return new SideReport("OpenSSPR", report.server(), report.measuredSeconds(), report.flowsCompleted(),
                report.flowsFailed(), report.flowsPerSecond(), report.errors(), report.latencies(),
                report.serverCpuSecondsPerReset(), report.cpuCovers(), h.parameters(), h.cpuMsPerHash(),
                h.wallMsPerHash(), "%d resets of a user without a password (1 hash), %d with one (2: the new one is"
                        .formatted(h.resetsWithoutPassword(), h.resetsWithPassword())
                        + " checked against the current one)", h.hashesPerReset(), h.cores(), h.hashBoundLimit(),
                h.ratio());
    }

    static double limit(int cores, double cpuMsPerHash, double hashesPerReset) {
        return cores / (cpuMsPerHash / 1_000 * hashesPerReset);
    }

    void print(PrintStream out) {
        out.printf("== %s: %s%n", side, server);
        out.printf("Flows completed: %d in %.1f s = %.2f/s; failed: %d%n", flowsCompleted, measuredSeconds,
                flowsPerSecond, flowsFailed);
        errors.forEach((code, count) -> out.printf("  error %-50s %d%n", code, count));
        out.printf("%-40s %7s %9s %9s %9s %9s%n", "latency (ms)", "calls", "p50", "p95", "p99", "max");
        latencies.forEach((step, l) -> out.printf("%-40s %7d %9.2f %9.2f %9.2f %9.2f%n", step, l.count(), l.p50(),
                l.p95(), l.p99(), l.max()));
        out.printf("Server CPU per completed reset: %s — %s%n", serverCpuSecondsPerReset == null ? "unknown"
                : "%.1f ms".formatted(serverCpuSecondsPerReset * 1_000), cpuCovers);
        out.printf("Hash: %s, %.1f ms CPU (%.1f ms wall) each%n", hashParameters, cpuMsPerHash, wallMsPerHash);
        out.printf("Hashes per reset: %.2f (%s)%n", hashesPerReset, hashesCounted);
        out.printf("Hash-bound limit: %d cores ÷ (%.1f ms × %.2f) = %.1f resets/s; flows/s ÷ limit = %.2f%n", cores,
                cpuMsPerHash, hashesPerReset, hashBoundLimit, ratioToLimit);
    }
}
