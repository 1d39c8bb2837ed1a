package org.opensspr.server.reset;

import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.function.UnaryOperator;

/**
 * The policy as the kiosk meets it: without a connected directory, writeback is off in effect, so
 * on-premises users meet "contact your administrator". The reset flow, the what-if and the impact
 * preview all apply this, so they agree.
 */
public record EffectivePolicy(boolean writebackConnected) implements UnaryOperator<SsprPolicy> {
    @Override
    public SsprPolicy apply(SsprPolicy policy) {
        return writebackConnected ? policy : policy.withOnPremises(
                new OnPremisesPolicy(false, policy.onPremises().unlockWithoutReset()));
    }
}
