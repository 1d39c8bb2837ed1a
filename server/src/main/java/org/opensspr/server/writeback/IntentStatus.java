package org.opensspr.server.writeback;

/**
 * Where a writeback intent stands. PENDING: written before the directory call and not resolved since —
 * the call is in flight, or the server stopped before it learned the outcome. DONE / FAILED: the
 * directory said so. UNKNOWN: the server knows it can't tell whether the directory applied the change.
 */
public enum IntentStatus {
    PENDING, DONE, FAILED, UNKNOWN
}
