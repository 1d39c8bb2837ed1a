package org.opensspr.server.reset;

import org.opensspr.directory.GroupMembership;
import org.opensspr.eligibility.DeliverableMethods;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.delivery.Channel;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The policy as the kiosk meets it. Without a connected directory, writeback is off in effect, so
 * on-premises users meet "contact your administrator". A method whose channel this server can't deliver
 * (no gateway, and not the embedded default) is off in effect, and counts for administrators neither.
 * The reset flow, the what-if, the impact preview and registration all apply this, so they agree.
 */
public record EffectivePolicy(boolean writebackConnected, DeliverableMethods deliverable)
        implements UnaryOperator<SsprPolicy> {

    public EffectivePolicy(boolean writebackConnected) {
        this(writebackConnected, DeliverableMethods.ALL);
    }

    @Override
    public SsprPolicy apply(SsprPolicy policy) {
        SsprPolicy written = writebackConnected ? policy : policy.withOnPremises(
                new OnPremisesPolicy(false, policy.onPremises().unlockWithoutReset()));
        MethodsPolicy methods = written.methods();
        Set<AuthMethod> enabled = EnumSet.noneOf(AuthMethod.class);
        methods.enabled().stream().filter(deliverable::allows).forEach(enabled::add);
        return enabled.equals(methods.enabled()) ? written : written.withMethods(new MethodsPolicy(enabled,
                methods.requiredToRegister(), methods.requiredToReset(), methods.securityQuestions(),
                methods.phoneRegion()));
    }

    /** The eligibility engine under this server's deliverable methods. */
    public EligibilityEngine engine(GroupMembership membership) {
        return new EligibilityEngine(membership, deliverable);
    }

    /** Which methods the channels with a courier can carry. */
    public static DeliverableMethods over(Set<Channel> channels) {
        Set<AuthMethod> methods = EnumSet.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.SECURITY_QUESTIONS);
        if (channels.contains(Channel.EMAIL)) {
            methods.add(AuthMethod.EMAIL);
        }
        if (channels.contains(Channel.SMS) || channels.contains(Channel.VOICE)) {
            methods.add(AuthMethod.MOBILE_PHONE);
        }
        if (channels.contains(Channel.VOICE)) {
            methods.add(AuthMethod.OFFICE_PHONE);
        }
        if (channels.contains(Channel.PUSH)) {
            methods.add(AuthMethod.MOBILE_APP_NOTIFICATION);
        }
        return new DeliverableMethods(methods);
    }
}
