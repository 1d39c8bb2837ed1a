package org.opensspr.api;

import org.opensspr.policy.SsprPolicy;

/**
 * {@code PUT /api/v1/policy}: store a new version.
 *
 * @param expectedVersion the version the change was made on; if another change came first the server
 *                        answers {@link ErrorCode#VERSION_CONFLICT} and stores nothing
 * @param policy          the whole new policy
 */
public record PolicyUpdateRequest(int expectedVersion, SsprPolicy policy) {
}
