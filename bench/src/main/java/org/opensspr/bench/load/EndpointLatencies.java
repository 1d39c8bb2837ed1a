package org.opensspr.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One latency histogram per "METHOD path-template", in microseconds, as the client sees each call. */
public final class EndpointLatencies {
    private final Map<String, Histogram> byEndpoint = new ConcurrentHashMap<>();

    void record(String endpoint, long nanos) {
        byEndpoint.computeIfAbsent(endpoint, e -> new ConcurrentHistogram(3))
                .recordValue(Math.max(1, nanos / 1_000));
    }

    /** Times calls into these histograms; a warm-up flow's timer records nothing. */
    public Timer timer(boolean counted) {
        return new Timer(counted ? this : null);
    }

    /** Each endpoint's count and percentiles in milliseconds, by name. */
    public Map<String, LoadReport.Latency> summary() {
        Map<String, LoadReport.Latency> summary = new TreeMap<>();
        byEndpoint.forEach((endpoint, h) -> summary.put(endpoint, new LoadReport.Latency(h.getTotalCount(),
                millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(95)),
                millis(h.getValueAtPercentile(99)), millis(h.getMaxValue()))));
        return summary;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** Records how long each call took, answered or failed (a slow refusal is still a slow call). */
    public static final class Timer {
        private final EndpointLatencies into;

        private Timer(EndpointLatencies into) {
            this.into = into;
        }

        public <T> T time(String endpoint, Supplier<T> call) {
            long start = System.nanoTime();
            try {
                return call.get();
            } finally {
                if (into != null) {
                    into.record(endpoint, System.nanoTime() - start);
                }
            }
        }
    }
}
