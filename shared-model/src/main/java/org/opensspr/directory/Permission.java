package org.opensspr.directory;

/** What an administrator's role lets them do; every server endpoint checks one of these. */
public enum Permission {
    READ_POLICY,
    MANAGE_POLICY,
    READ_DIRECTORY,
    MANAGE_USERS,
    MANAGE_GROUPS,
    MANAGE_ROLES,
    RESET_NON_ADMIN_PASSWORD,
    RESET_ADMIN_PASSWORD,
    UNLOCK_NON_ADMIN,
    ISSUE_TEMPORARY_ACCESS_PASS,
    MANAGE_KIOSKS,
    READ_AUDIT,
    READ_INSIGHTS,
    /**
     * Read the embedded default's outbox: its messages hold live one-time codes and pass notices, so only
     * Global Administrators hold it (docs/design.md §14).
     */
    READ_OUTBOX
}
