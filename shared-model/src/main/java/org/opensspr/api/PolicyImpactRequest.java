package org.opensspr.api;

import org.opensspr.policy.SsprPolicy;

/** {@code POST /api/v1/policy/impact}: the policy an administrator is about to save. */
public record PolicyImpactRequest(SsprPolicy policy) {
}
