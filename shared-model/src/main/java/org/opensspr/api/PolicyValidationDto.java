package org.opensspr.api;

import org.opensspr.policy.PolicyViolation;

import java.util.List;

/**
 * {@code POST /api/v1/policy/validate}: what the server would object to, without storing anything.
 *
 * @param valid      whether the policy has no violation
 * @param violations every violation, each with its code and the field's dotted path
 */
public record PolicyValidationDto(boolean valid, List<PolicyViolation> violations) {
    public PolicyValidationDto {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static PolicyValidationDto of(List<PolicyViolation> violations) {
        return new PolicyValidationDto(violations.isEmpty(), violations);
    }
}
