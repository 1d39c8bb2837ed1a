package org.opensspr.directory;

/** Where a user's password is managed: here, or in an on-premises AD/LDAP directory (writeback). */
public enum UserSource {
    CLOUD, ON_PREMISES
}
