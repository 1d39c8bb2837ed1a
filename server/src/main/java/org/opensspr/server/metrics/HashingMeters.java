package org.opensspr.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.opensspr.server.crypto.HashingCapacity;
import org.opensspr.server.crypto.PasswordHasher;

/**
 * The password hashing's room (ADR 28): how many requests are in it now, its limit, and how many were turned
 * away busy. A rising busy count means kiosks waited: the hashes want more cores (or more servers). And how many
 * hashes were computed: divided by resets, what one reset costs in hashes (the hash-bound limit's divisor).
 */
public final class HashingMeters {
    private HashingMeters() {
    }

    public static void bindTo(MeterRegistry registry, HashingCapacity capacity, PasswordHasher hasher) {
        Gauge.builder("opensspr.hashing.requests", capacity, HashingCapacity::inUse)
                .description("Requests of hashing routes in the server now (hashing or waiting for a hasher)")
                .register(registry);
        Gauge.builder("opensspr.hashing.requests.limit", capacity, HashingCapacity::limit)
                .description("How many requests of hashing routes may be in at once")
                .register(registry);
        FunctionCounter.builder("opensspr.hashing.busy", capacity, HashingCapacity::turnedAway)
                .description("Requests of hashing routes answered BUSY, having done nothing")
                .register(registry);
        FunctionCounter.builder("opensspr.hashing.hashes", hasher, PasswordHasher::computed)
                .description("Argon2id computations: passwords and security answers, hashed or verified")
                .register(registry);
    }
}
