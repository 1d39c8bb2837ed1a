package org.opensspr.bench.load;

import org.opensspr.server.crypto.PasswordHasher;

import java.lang.management.ManagementFactory;

/**
 * What one password hash costs here: the server's own hasher at its production parameters
 * ({@link PasswordHasher#owasp()}: Argon2id, m = 19 MiB, t = 2, p = 1), one hash at a time after a few to warm
 * up. CPU is this process's over the timed hashes (garbage collection included), timed before a server starts in it.
 */
record HashCost(String parameters, int timed, double wallMsPerHash, double cpuMsPerHash) {
    private static final int WARM_UP = 10;

    static HashCost measure(int hashes) {
        PasswordHasher hasher = PasswordHasher.owasp();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            hasher.hash(ResetFlow.newPassword());
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < hashes; i++) {
            hasher.hash(ResetFlow.newPassword());
        }
        double wallMs = (System.nanoTime() - wall) / 1e6 / hashes;
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / hashes;
        PasswordHasher.Cost cost = hasher.cost();
        return new HashCost("Argon2id m=%d KiB, t=%d, p=%d".formatted(cost.memoryKib(), cost.iterations(),
                cost.parallelism()), hashes, wallMs, cpuMs);
    }
}
