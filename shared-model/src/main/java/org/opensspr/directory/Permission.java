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
    READ_INSIGHTS
}
