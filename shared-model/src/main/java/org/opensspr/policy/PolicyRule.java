package org.opensspr.policy;

import java.util.List;

/** One small named check over a policy; returns every violation it finds, or none. */
@FunctionalInterface
interface PolicyRule {
    List<PolicyViolation> check(SsprPolicy policy);
}
