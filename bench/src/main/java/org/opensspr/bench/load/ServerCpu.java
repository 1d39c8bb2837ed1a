package org.opensspr.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** CPU time a server process has used so far, in nanoseconds, if it can be read. */
public interface ServerCpu {
    /** PasswordHasher's threads are named argon2id-1, argon2id-2, …; /proc shows the first 15 characters. */
    String HASHING_THREAD = "argon2id-";

    OptionalLong nanos();

    /** What the figure covers, for the report. */
    String covers();

    /**
     * CPU time the server's hashing threads have used so far ({@code argon2id-N}, PasswordHasher's), where the
     * process's threads can be read: the hashes' own cost, measured where they ran.
     */
    default OptionalLong hashingNanos() {
        return OptionalLong.empty();
    }

    /** This JVM: an in-process server shares it with the generator, whose CPU is in the figure too. */
    static ServerCpu thisProcess() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ServerCpu() {
            @Override
            public OptionalLong nanos() {
                return OptionalLong.of(os.getProcessCpuTime());
            }

            @Override
            public OptionalLong hashingNanos() {
                return hashingThreads(Path.of("/proc/self"));
            }

            @Override
            public String covers() {
                return "the whole JVM: server and load generator together (they can't be told apart: both run on"
                        + " the same virtual-thread carriers)";
            }
        };
    }

    /**
     * Another process, from utime + stime in /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s,
     * Linux's USER_HZ everywhere it runs today).
     */
    static ServerCpu ofPid(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        return new ServerCpu() {
            @Override
            public OptionalLong nanos() {
                return ticks(process.resolve("stat"));
            }

            @Override
            public OptionalLong hashingNanos() {
                return hashingThreads(process);
            }

            @Override
            public String covers() {
                return "the server's process " + pid + " alone (/proc/" + pid + "/stat, 10 ms ticks)";
            }
        };
    }

    /**
     * The CPU of a process's hashing threads; they live as long as there is work (30 s idle), so under load none
     * ends unseen.
     */
    private static OptionalLong hashingThreads(Path process) {
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            long sum = 0;
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).startsWith(HASHING_THREAD)) {
                        sum += ticks(thread.resolve("stat")).orElse(0);
                    }
                } catch (IOException ended) {
                    // a thread that ended while listed
                }
            }
            return OptionalLong.of(sum);
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** utime + stime of a /proc stat file (fields 14 and 15), in nanoseconds. */
    private static OptionalLong ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            // The command name in field 2 may hold spaces and parentheses; the fields after it don't.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 10_000_000L);
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    static ServerCpu unknown() {
        return new ServerCpu() {
            @Override
            public OptionalLong nanos() {
                return OptionalLong.empty();
            }

            @Override
            public String covers() {
                return "not measured (give --server-pid)";
            }
        };
    }
}
