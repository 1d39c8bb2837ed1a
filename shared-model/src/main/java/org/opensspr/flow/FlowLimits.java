package org.opensspr.flow;

import java.time.Duration;

/** Lifetimes of a reset flow and of the codes sent inside it (docs/design.md §13). */
public final class FlowLimits {
    public static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private FlowLimits() {
    }
}
