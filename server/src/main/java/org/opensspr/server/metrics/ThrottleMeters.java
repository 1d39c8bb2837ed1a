package org.opensspr.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.opensspr.throttling.Throttle;
import org.opensspr.throttling.ThrottleRule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the throttles refused, by the rule that blocked: {@code kind} is the rule's name ({@code failed_proofs},
 * {@code method_attempts}, {@code emails_sent}, {@code kiosk_flow_starts}), one series per rule of docs/design.md §11.
 */
public final class ThrottleMeters {
    private final Map<String, Counter> byRule = new HashMap<>();

    public ThrottleMeters(MeterRegistry registry) {
        Stream.concat(Throttle.perUser().rules().stream(), Throttle.perKiosk().rules().stream())
                .forEach(rule -> byRule.put(rule.name(), Counter.builder("opensspr.throttle.blocks")
                        .description("Flows, flow starts and security-info calls a throttle refused, by rule")
                        .tag("kind", kindOf(rule)).register(registry)));
    }

    static String kindOf(ThrottleRule rule) {
        return rule.name().replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** One refusal; {@code rule} is one of {@link Throttle}'s, the only rules a decision names. */
    public void blocked(ThrottleRule rule) {
        Counter counter = byRule.get(rule.name());
        if (counter != null) {
            counter.increment();
        }
    }
}
