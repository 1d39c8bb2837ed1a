package org.opensspr.api;

/** Whether the audited action succeeded. */
public enum AuditResult {
    SUCCESS,
    FAILURE
}
