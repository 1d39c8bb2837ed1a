package org.opensspr.api;

import org.opensspr.policy.SsprPolicy;

/**
 * A policy an administrator is about to save, to be checked ({@code POST /api/v1/policy/validate}) or previewed
 * ({@code POST /api/v1/policy/impact}). Like every policy body it carries the policy under {@code policy}; saving
 * it adds the version it was made on ({@link PolicyUpdateRequest}).
 */
public record ProposedPolicyRequest(SsprPolicy policy) {
}
