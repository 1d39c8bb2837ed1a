package org.opensspr.directory;

/**
 * What an administrator can do to another user's account from the console (docs/design.md §16), and the
 * permission each needs. Whether it may be done to a particular account is {@link HelpdeskRules}' answer.
 */
public enum HelpdeskAction {
    RESET_PASSWORD(Permission.RESET_NON_ADMIN_PASSWORD),
    UNLOCK(Permission.UNLOCK_NON_ADMIN),
    ISSUE_TEMPORARY_ACCESS_PASS(Permission.ISSUE_TEMPORARY_ACCESS_PASS),
    REVOKE_TEMPORARY_ACCESS_PASS(Permission.ISSUE_TEMPORARY_ACCESS_PASS),
    REQUIRE_REREGISTRATION(Permission.MANAGE_USERS),
    DELETE_METHOD(Permission.MANAGE_USERS),
    PREFILL_CONTACT(Permission.MANAGE_USERS);

    private final Permission permission;

    HelpdeskAction(Permission permission) {
        this.permission = permission;
    }

    /** The permission a role must grant before its reach over the target is even considered. */
    public Permission permission() {
        return permission;
    }
}
