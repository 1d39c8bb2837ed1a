package org.opensspr.server.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Argon2id password hashes (Bouncy Castle) written as PHC strings, so every hash carries the
 * parameters it was made with: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without
 * padding). New hashes use this hasher's cost; {@link #verify} honours whatever cost a stored string
 * names, and {@link #needsRehash} says when a stored hash should be replaced at the next sign-in.
 * Thread-safe. Each computation holds its memory cost (19 MiB by default), and the server runs
 * requests on virtual threads, so a burst of sign-ins could otherwise exhaust the heap: at most
 * {@code maxConcurrent} computations run at once and the rest wait their turn. They run on platform
 * threads of their own: a hash computed on a virtual thread would hold one of the few carrier threads
 * for its whole length, and every other request — one holding a database connection mid-transaction,
 * or a health check — would wait behind it (ADR 11). Those threads run at a lower priority than the
 * requests' ({@link ThreadNiceness}, ADR 28).
 */
public final class PasswordHasher {
    private static final String ALGORITHM = "argon2id";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13; // 0x13 = 19
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    /**
     * How far below the process's priority the hashing threads run (nice steps): when they and the request
     * carriers want the same cores the cheap requests go first (ADR 28: under load, health p99 49–61 ms instead
     * of 393–631, at 0.92 of the resets per second).
     */
    static final int HASHING_NICENESS_STEPS = 10;

    /**
     * Cost settings.
     *
     * @param memoryKib   memory in KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     * @param saltBytes   salt length for new hashes
     * @param hashBytes   output length for new hashes
     */
    public record Cost(int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {
        /** OWASP's recommendation for Argon2id: m=19 MiB, t=2, p=1; 16-byte salt, 32-byte hash. */
        public static final Cost OWASP = new Cost(19 * 1024, 2, 1, 16, 32);

        /** Limits for stored strings, so a corrupt row can't make one verification take minutes or gigabytes. */
        static final int MAX_MEMORY_KIB = 1024 * 1024;
        static final int MAX_ITERATIONS = 64;
        static final int MAX_PARALLELISM = 16;

        public Cost {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB
                    || saltBytes < 8 || saltBytes > 64 || hashBytes < 16 || hashBytes > 64) {
                throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKib + ", t=" + iterations
                        + ", p=" + parallelism + ", salt=" + saltBytes + ", hash=" + hashBytes);
            }
        }
    }

    private final Cost cost;
    private final SecureRandom random;
    private final ExecutorService running;
    private final int maxConcurrent;
    /** Computations done, hashing and verifying alike: what a reset costs, counted where it is paid. */
    private final LongAdder computed = new LongAdder();

    public PasswordHasher(Cost cost, SecureRandom random, int maxConcurrent) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        ThreadFactory threads = Thread.ofPlatform().daemon().name("argon2id-", 1).factory();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> threads.newThread(() -> {
                    ThreadNiceness.lowerBy(HASHING_NICENESS_STEPS);
                    work.run();
                }));
        pool.allowCoreThreadTimeOut(true); // idle hashers don't keep threads
        this.running = pool;
    }

    /** At most one computation per processor at once. */
    public PasswordHasher(Cost cost, SecureRandom random) {
        this(cost, random, Runtime.getRuntime().availableProcessors());
    }

    /** The production hasher: OWASP cost. */
    public static PasswordHasher owasp() {
        return new PasswordHasher(Cost.OWASP, new SecureRandom());
    }

    public Cost cost() {
        return cost;
    }

    /** How many computations run at once; more wait in line. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Argon2id computations done so far (each {@link #hash} and each {@link #verify} of a readable string). */
    public long computed() {
        return computed.sum();
    }

    /** A new PHC string for {@code password} with a fresh random salt. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = randomBytes(cost.saltBytes());
        return phc(salt, argon2(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(),
                cost.hashBytes()));
    }

    /**
     * A PHC string of this hasher's cost that no password matches: random bytes where the hash goes (a match
     * would need Argon2id to hit 32 given bytes). Verifying against it costs what verifying a real hash does, so
     * a sign-in without an account takes as long as one with, and making it costs no hash: three were the
     * biggest part of the server's start (docs/performance.md § Cold start and memory).
     */
    public String unmatchableHash() {
        return phc(randomBytes(cost.saltBytes()), randomBytes(cost.hashBytes()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String phc(byte[] salt, byte[] hash) {
        return "$" + ALGORITHM + "$v=" + VERSION + "$m=" + cost.memoryKib() + ",t=" + cost.iterations()
                + ",p=" + cost.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches the stored PHC string, compared in constant time. A string
     * that isn't a readable Argon2id hash never matches (and never throws).
     */
    public boolean verify(String password, String phc) {
        Objects.requireNonNull(password, "password");
        Optional<Phc> parsed = Phc.parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Phc stored = parsed.get();
        byte[] actual = argon2(password, stored.salt, stored.memoryKib, stored.iterations, stored.parallelism,
                stored.hash.length);
        return MessageDigest.isEqual(actual, stored.hash);
    }

    /** True when the stored string isn't made with this hasher's cost (or can't be read at all). */
    public boolean needsRehash(String phc) {
        return Phc.parse(phc).map(p -> p.memoryKib != cost.memoryKib() || p.iterations != cost.iterations()
                || p.parallelism != cost.parallelism() || p.salt.length != cost.saltBytes()
                || p.hash.length != cost.hashBytes()).orElse(true);
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                          int length) {
        HashingCapacity.checkAdmitted();
        computed.increment();
        Future<byte[]> result = running.submit(() -> compute(password, salt, memoryKib, iterations, parallelism, length));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the hash is cheap to finish; the caller learns of the interrupt after
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] compute(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                  int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    /** A parsed PHC string; only what this class writes (argon2id, v=19) is accepted. */
    private record Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Optional<Phc> parse(String phc) {
            if (phc == null) {
                return Optional.empty();
            }
            String[] parts = phc.split("\\$", -1);
            // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
            if (parts.length != 6 || !parts[0].isEmpty() || !ALGORITHM.equals(parts[1])
                    || !("v=" + VERSION).equals(parts[2])) {
                return Optional.empty();
            }
            try {
                int memory = -1;
                int iterations = -1;
                int parallelism = -1;
                for (String setting : parts[3].split(",", -1)) {
                    int eq = setting.indexOf('=');
                    if (eq < 1) {
                        return Optional.empty();
                    }
                    int value = Integer.parseInt(setting.substring(eq + 1));
                    switch (setting.substring(0, eq)) {
                        case "m" -> memory = value;
                        case "t" -> iterations = value;
                        case "p" -> parallelism = value;
                        default -> {
                            return Optional.empty();
                        }
                    }
                }
                byte[] salt = B64_DECODER.decode(parts[4]);
                byte[] hash = B64_DECODER.decode(parts[5]);
                if (parallelism < 1 || parallelism > Cost.MAX_PARALLELISM || iterations < 1
                        || iterations > Cost.MAX_ITERATIONS || memory < 8 * parallelism || memory > Cost.MAX_MEMORY_KIB
                        || salt.length < 8 || hash.length < 16 || hash.length > 64) {
                    return Optional.empty();
                }
                return Optional.of(new Phc(memory, iterations, parallelism, salt, hash));
            } catch (IllegalArgumentException unreadable) { // NumberFormatException included
                return Optional.empty();
            }
        }
    }
}
