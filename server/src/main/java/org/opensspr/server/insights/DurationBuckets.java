package org.opensspr.server.insights;

import org.opensspr.api.DurationBucketDto;
import org.opensspr.api.TimeToResetDto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The time-to-reset histogram's buckets: up to 30 s, 1, 2, 5, 10 and 30 min, and longer. */
final class DurationBuckets {
    /** The upper edges, in seconds; a completion longer than the last falls in the open bucket. */
    static final List<Long> EDGES = List.of(30L, 60L, 120L, 300L, 600L, 1_800L);
    /** How the open bucket is stored ({@code insights_duration.bucket_upper_seconds}). */
    static final long OPEN = -1;

    private DurationBuckets() {
    }

    /** The stored edge of the bucket {@code seconds} falls in. */
    static long edgeOf(long seconds) {
        for (long edge : EDGES) {
            if (seconds <= edge) {
                return edge;
            }
        }
        return OPEN;
    }

    /** The report's part from completions per stored edge. */
    static TimeToResetDto report(Map<Long, Long> completedByEdge) {
        List<DurationBucketDto> buckets = new ArrayList<>();
        long total = 0;
        for (long edge : EDGES) {
            long count = completedByEdge.getOrDefault(edge, 0L);
            buckets.add(new DurationBucketDto(edge, count));
            total += count;
        }
        long open = completedByEdge.getOrDefault(OPEN, 0L);
        buckets.add(new DurationBucketDto(null, open));
        total += open;
        return new TimeToResetDto(total, quantile(buckets, total, 50), quantile(buckets, total, 90), buckets);
    }

    /**
     * The upper edge of the bucket holding the completion at {@code percent}; null when none completed or when it
     * falls in the open bucket (longer than the last edge: no upper edge to give).
     */
    private static Long quantile(List<DurationBucketDto> buckets, long total, int percent) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (total * percent + 99) / 100);
        long seen = 0;
        for (DurationBucketDto bucket : buckets) {
            seen += bucket.count();
            if (seen >= rank) {
                return bucket.upToSeconds();
            }
        }
        return null;
    }
}
