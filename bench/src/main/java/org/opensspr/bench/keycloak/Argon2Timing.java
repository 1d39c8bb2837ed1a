package org.opensspr.bench.keycloak;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * What one Argon2 hash at Keycloak's parameters costs on this machine: Bouncy Castle's Argon2BytesGenerator, the
 * generator Keycloak's argon2 provider calls, one hash at a time after a few to warm up, in this JVM while
 * nothing else runs. CPU is this process's over the timed hashes.
 */
record Argon2Timing(KeycloakArgon2 parameters, int timed, double wallMsPerHash, double cpuMsPerHash) {
    private static final int WARM_UP = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    static Argon2Timing measure(KeycloakArgon2 parameters, int hashes) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            hash(parameters);
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < hashes; i++) {
            hash(parameters);
        }
        return new Argon2Timing(parameters, hashes, (System.nanoTime() - wall) / 1e6 / hashes,
                (os.getProcessCpuTime() - cpu) / 1e6 / hashes);
    }

    private static byte[] hash(KeycloakArgon2 p) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(typeOf(p.type()))
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .build());
        byte[] hash = new byte[p.hashBytes()];
        generator.generateBytes(BrowserResetFlow.newPassword().getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }

    private static int typeOf(String type) {
        return switch (type) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            case "d" -> Argon2Parameters.ARGON2_d;
            default -> throw new IllegalArgumentException("No Argon2 type " + type);
        };
    }
}
