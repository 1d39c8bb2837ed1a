package org.opensspr.server.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Lowers the calling thread's scheduling priority on Linux: its nice value, read and set through libc's
 * {@code getpriority} and {@code setpriority} for the thread's own id, counted from what it was, so a server started
 * at nice 5 hashes at 15, never higher than it was. The hashing threads run this way, so when they and the request
 * carriers want the same cores, the cheap requests go first and the hashes take what is left (ADR 28). Lowering
 * needs no privilege. Elsewhere, or when libc can't be called, threads keep their priority.
 */
final class ThreadNiceness {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadNiceness.class);
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Calls> CALLS = link();

    private ThreadNiceness() {
    }

    private static final int LOWEST = 19;

    private record Calls(MethodHandle gettid, MethodHandle getpriority, MethodHandle setpriority) {
    }

    /**
     * Adds {@code steps} to this thread's nice value, up to the lowest priority (19); false where that isn't
     * possible.
     */
    static boolean lowerBy(int steps) {
        if (CALLS.isEmpty() || steps < 0) {
            return false;
        }
        try {
            int tid = (int) CALLS.get().gettid().invokeExact();
            // glibc's getpriority answers the nice value itself (-20…19); only the thread's own id is asked.
            int nice = (int) CALLS.get().getpriority().invokeExact(PRIO_PROCESS, tid);
            int lowered = Math.min(LOWEST, nice + steps);
            return (int) CALLS.get().setpriority().invokeExact(PRIO_PROCESS, tid, lowered) == 0;
        } catch (Throwable e) {
            LOG.debug("Could not lower a hashing thread's priority", e);
            return false;
        }
    }

    private static Optional<Calls> link() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            return Optional.of(new Calls(
                    linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT)),
                    linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)),
                    linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT))));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Thread priorities stay as they are: libc's setpriority can't be called", e);
            return Optional.empty();
        }
    }
}
