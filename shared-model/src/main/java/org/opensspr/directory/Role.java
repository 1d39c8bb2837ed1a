package org.opensspr.directory;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.opensspr.directory.Permission.ISSUE_TEMPORARY_ACCESS_PASS;
import static org.opensspr.directory.Permission.MANAGE_GROUPS;
import static org.opensspr.directory.Permission.MANAGE_POLICY;
import static org.opensspr.directory.Permission.MANAGE_USERS;
import static org.opensspr.directory.Permission.READ_AUDIT;
import static org.opensspr.directory.Permission.READ_DIRECTORY;
import static org.opensspr.directory.Permission.READ_INSIGHTS;
import static org.opensspr.directory.Permission.READ_POLICY;
import static org.opensspr.directory.Permission.RESET_NON_ADMIN_PASSWORD;
import static org.opensspr.directory.Permission.UNLOCK_NON_ADMIN;

/**
 * Administrator roles as docs/design.md §16 records them. Holding any role makes an account an administrator,
 * which puts it under the two-gate reset policy.
 */
public enum Role {
    GLOBAL_ADMINISTRATOR(EnumSet.allOf(Permission.class)),
    AUTHENTICATION_POLICY_ADMINISTRATOR(EnumSet.of(READ_POLICY, MANAGE_POLICY, READ_DIRECTORY, READ_AUDIT)),
    USER_ADMINISTRATOR(EnumSet.of(READ_POLICY, READ_DIRECTORY, MANAGE_USERS, MANAGE_GROUPS,
            RESET_NON_ADMIN_PASSWORD, UNLOCK_NON_ADMIN, ISSUE_TEMPORARY_ACCESS_PASS)),
    PASSWORD_ADMINISTRATOR(EnumSet.of(READ_POLICY, READ_DIRECTORY, RESET_NON_ADMIN_PASSWORD, UNLOCK_NON_ADMIN,
            ISSUE_TEMPORARY_ACCESS_PASS)),
    HELPDESK_ADMINISTRATOR(EnumSet.of(READ_POLICY, READ_DIRECTORY, RESET_NON_ADMIN_PASSWORD, UNLOCK_NON_ADMIN,
            ISSUE_TEMPORARY_ACCESS_PASS)),
    REPORTS_READER(EnumSet.of(READ_POLICY, READ_AUDIT, READ_INSIGHTS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The union of what the given roles allow. */
    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> all.addAll(role.permissions));
        return Collections.unmodifiableSet(all);
    }
}
