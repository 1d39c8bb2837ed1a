package org.opensspr.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time a server process has used so far, in nanoseconds, if it can be read. */
public interface ServerCpu {
    OptionalLong nanos();

    /** What the figure covers, for the report. */
    String covers();

    /** This JVM: an in-process server shares it with the generator, whose CPU is in the figure too. */
    static ServerCpu thisProcess() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ServerCpu() {
            @Override
            public OptionalLong nanos() {
                return OptionalLong.of(os.getProcessCpuTime());
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
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return new ServerCpu() {
            @Override
            public OptionalLong nanos() {
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
