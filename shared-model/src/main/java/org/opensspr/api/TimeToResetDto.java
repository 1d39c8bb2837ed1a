package org.opensspr.api;

import java.util.List;

/**
 * How long completed resets and unlocks took in a report's range, from the flow's first step to done.
 *
 * @param completed     resets and unlocks completed
 * @param medianSeconds the median, as the upper edge of the bucket it falls in; absent when none completed, and
 *                      when it falls in the last bucket (longer than 30 minutes), which has no upper edge
 * @param p90Seconds    the 90th percentile, the same way; absent when none completed or in the last bucket
 * @param buckets       the distribution, shortest first
 */
public record TimeToResetDto(long completed, @OptionalField Long medianSeconds, @OptionalField Long p90Seconds,
                             List<DurationBucketDto> buckets) {
    public TimeToResetDto {
        buckets = List.copyOf(buckets);
    }
}
