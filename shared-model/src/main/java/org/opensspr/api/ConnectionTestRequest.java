package org.opensspr.api;

/**
 * What {@code POST /api/v1/writeback/connection-test} checks besides each server's connection and the service
 * account's bind.
 *
 * @param testUser a user's UPN to look up, to check the service account's rights on a real account; nothing is
 *                 written to it
 */
public record ConnectionTestRequest(@OptionalField String testUser) {
}
