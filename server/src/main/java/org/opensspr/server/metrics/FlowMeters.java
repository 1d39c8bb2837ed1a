package org.opensspr.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;

import java.util.EnumMap;
import java.util.Map;

/**
 * The reset and unlock flows as operators count them. Every tag comes from a closed enum, never from a name, an
 * address or an id, and every series exists from the start at zero, so a rate over it is defined before the first
 * reset. Callers record once the step's transaction has committed: a rolled-back step counts nothing.
 */
public final class FlowMeters {
    private final Map<FlowIntent, Counter> started = new EnumMap<>(FlowIntent.class);
    private final Map<FlowIntent, Counter> completedInCloud = new EnumMap<>(FlowIntent.class);
    private final Map<FlowIntent, Counter> completedOnPremises = new EnumMap<>(FlowIntent.class);
    private final Map<AuthMethod, Counter> gatesPassed = new EnumMap<>(AuthMethod.class);
    private final Map<AuthMethod, Counter> gatesFailed = new EnumMap<>(AuthMethod.class);
    private final Map<FlowFailure, Counter> failed = new EnumMap<>(FlowFailure.class);

    public FlowMeters(MeterRegistry registry) {
        for (FlowIntent intent : FlowIntent.values()) {
            started.put(intent, Counter.builder("opensspr.flows.started")
                    .description("Reset and unlock flows started at a kiosk")
                    .tag("intent", TagValues.of(intent)).register(registry));
            completedInCloud.put(intent, completed(registry, intent, false));
            completedOnPremises.put(intent, completed(registry, intent, true));
        }
        for (AuthMethod method : AuthMethod.values()) {
            gatesPassed.put(method, gate(registry, method, "passed"));
            gatesFailed.put(method, gate(registry, method, "failed"));
        }
        for (FlowFailure reason : FlowFailure.values()) {
            failed.put(reason, Counter.builder("opensspr.flows.failed")
                    .description("Flows that could not go on, by reason")
                    .tag("reason", TagValues.of(reason)).register(registry));
        }
    }

    private static Counter completed(MeterRegistry registry, FlowIntent intent, boolean onPremises) {
        return Counter.builder("opensspr.flows.completed")
                .description("Flows that reset a password or unlocked an account; onprem: through writeback")
                .tag("intent", TagValues.of(intent)).tag("onprem", TagValues.of(onPremises)).register(registry);
    }

    private static Counter gate(MeterRegistry registry, AuthMethod method, String result) {
        return Counter.builder("opensspr.flow.gates")
                .description("Proofs judged at a flow's gates (a wrong code, answer or denial fails)")
                .tag("method", TagValues.of(method)).tag("result", result).register(registry);
    }

    public void started(FlowIntent intent) {
        started.get(intent).increment();
    }

    public void gate(AuthMethod method, boolean passed) {
        (passed ? gatesPassed : gatesFailed).get(method).increment();
    }

    public void completed(FlowIntent intent, boolean onPremises) {
        (onPremises ? completedOnPremises : completedInCloud).get(intent).increment();
    }

    public void failed(FlowFailure reason) {
        failed.get(reason).increment();
    }
}
