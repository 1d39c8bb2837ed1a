package org.opensspr.api;

/**
 * {@code POST /api/v1/policy/rollback}: store a new version equal to an older one.
 *
 * @param toVersion       the version whose policy to restore (0 restores the defaults)
 * @param expectedVersion the current version as the client knows it (see {@link PolicyUpdateRequest})
 */
public record PolicyRollbackRequest(int toVersion, int expectedVersion) {
}
