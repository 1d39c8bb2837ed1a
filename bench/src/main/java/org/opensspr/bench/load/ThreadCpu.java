package org.opensspr.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU each thread of a process has used so far, read from {@code /proc/PID/task/*}: where a reset's CPU
 * beyond its hashes goes (requests, the JIT compilers, the collector, the delivery worker). Linux only.
 */
public record ThreadCpu(Map<Long, Usage> threads) {

    /** What a thread does, told by its name (/proc shows the first 15 characters). */
    public enum Kind {
        /** PasswordHasher's threads, argon2id-N. */
        HASHING("hashes"),
        /** The carriers of the virtual threads that serve requests (Jetty's on virtual threads). */
        REQUESTS("requests"),
        /** C1 and C2 compiling. */
        JIT("JIT compilers"),
        /** G1's workers, refinement, marking and the VM thread that runs its pauses. */
        GC("garbage collector"),
        /** The outbox's delivery worker. */
        DELIVERY("delivery worker"),
        OTHER("other threads");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind of(String name) {
            if (name.startsWith(ServerCpu.HASHING_THREAD)) {
                return HASHING;
            }
            if (name.startsWith("ForkJoinPool-") || name.startsWith("JettyServerThr")) {
                return REQUESTS;
            }
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                return GC;
            }
            if (name.startsWith("opensspr-delive")) {
                return DELIVERY;
            }
            return OTHER;
        }
    }

    /** One thread's kind and the CPU it has used. */
    public record Usage(Kind kind, long nanos) {
    }

    /** The threads of {@code process} (a /proc/PID folder), if they can be read. */
    public static Optional<ThreadCpu> of(Path process) {
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            Map<Long, Usage> threads = new HashMap<>();
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    ticks(task.resolve("stat")).ifPresent(nanos -> threads.put(
                            Long.parseLong(task.getFileName().toString()), new Usage(Kind.of(name), nanos)));
                } catch (IOException | NumberFormatException ended) {
                    // a thread that ended while listed
                }
            }
            return Optional.of(new ThreadCpu(Map.copyOf(threads)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The CPU used since {@code before}, by kind: each thread's growth, a thread started since counted whole. A
     * thread that ended in between is missing (under load the server's threads live on; hashing threads end
     * after 30 s idle).
     */
    public Map<Kind, Long> since(ThreadCpu before) {
        Map<Kind, Long> used = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            used.put(kind, 0L);
        }
        threads.forEach((id, now) -> {
            Usage then = before.threads.get(id);
            long earlier = then != null && then.kind == now.kind ? then.nanos : 0;
            used.merge(now.kind, Math.max(0, now.nanos - earlier), Long::sum);
        });
        return used;
    }

    /**
     * The kinds of the threads {@code before} had that are gone now. What such a thread used after {@code before}
     * is in the process's CPU but in no thread's: the server's hashing threads end after 30 s without work, as when
     * a run's last kiosks wait for users who still have mail.
     */
    public java.util.Set<Kind> ended(ThreadCpu before) {
        java.util.Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        before.threads.forEach((id, then) -> {
            if (!threads.containsKey(id)) {
                kinds.add(then.kind);
            }
        });
        return kinds;
    }

    /** utime + stime of a /proc stat file (fields 14 and 15, in clock ticks of 1/100 s, Linux's USER_HZ), in nanoseconds. */
    static java.util.OptionalLong ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            // The command name in field 2 may hold spaces and parentheses; the fields after it don't.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return java.util.OptionalLong.of(ticks * 10_000_000L);
        } catch (IOException | RuntimeException unreadable) {
            return java.util.OptionalLong.empty();
        }
    }
}
