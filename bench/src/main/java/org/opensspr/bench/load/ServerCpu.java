package org.opensspr.bench.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** CPU time a server process has used so far, in nanoseconds, if it can be read. */
public interface ServerCpu {
    /** PasswordHasher's threads are named argon2id-1, argon2id-2, …; /proc shows the first 15 characters. */
    String HASHING_THREAD = "argon2id-";

    OptionalLong nanos();

    /** What the figure covers, for the report. */
    String covers();

    /**
     * The CPU of each of the server's threads so far, where they can be read: the hashes' own cost measured where
     * they ran, and where the rest goes.
     */
    default Optional<ThreadCpu> threads() {
        return Optional.empty();
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
            public Optional<ThreadCpu> threads() {
                return ThreadCpu.of(Path.of("/proc/self"));
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
                return ThreadCpu.ticks(process.resolve("stat"));
            }

            @Override
            public Optional<ThreadCpu> threads() {
                return ThreadCpu.of(process);
            }

            @Override
            public String covers() {
                return "the server's process " + pid + " alone (/proc/" + pid + "/stat, 10 ms ticks)";
            }
        };
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
