package org.opensspr.bench.load;

import org.opensspr.client.OpenSsprApiException;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed flows by what stopped them: the API's error code (THROTTLED, TICKET_ALREADY_USED, …), a dead end
 * (DEAD_END:BLOCKED), an unexpected step or notice, or the client's exception when there was no answer.
 */
public final class ErrorCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public void count(RuntimeException failure) {
        count(keyOf(failure));
    }

    static String keyOf(RuntimeException failure) {
        return switch (failure) {
            case OpenSsprApiException api -> api.code().name();
            case FlowStopped stopped -> stopped.getMessage();
            default -> failure.getClass().getSimpleName();
        };
    }

    public Map<String, Long> summary() {
        Map<String, Long> summary = new TreeMap<>();
        counts.forEach((key, count) -> summary.put(key, count.sum()));
        return summary;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A flow that got an answer, but not the one a complete reset needs; the message is the count's key. */
    public static final class FlowStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FlowStopped(String key) {
            super(key, null, false, false);
        }
    }
}
