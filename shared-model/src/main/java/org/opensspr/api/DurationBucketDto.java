package org.opensspr.api;

/**
 * Completed flows that took at most {@code upToSeconds} (and more than the bucket before's); the last bucket has no
 * upper edge and leaves {@code upToSeconds} out.
 */
public record DurationBucketDto(@OptionalField Long upToSeconds, long count) {
}
