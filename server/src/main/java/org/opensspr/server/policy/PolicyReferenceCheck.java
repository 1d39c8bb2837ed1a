package org.opensspr.server.policy;

import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.SsprPolicy;

import java.util.List;

/**
 * Checks what a policy refers to on the server (stored branding images), which the pure validator in
 * shared-model can't know. Violations are reported beside the validator's.
 */
@FunctionalInterface
public interface PolicyReferenceCheck {
    PolicyReferenceCheck NONE = policy -> List.of();

    List<PolicyViolation> violations(SsprPolicy policy);
}
