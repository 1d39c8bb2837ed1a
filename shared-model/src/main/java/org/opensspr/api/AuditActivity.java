package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * What an audit event records, named as Microsoft Entra names its SSPR audit activities (docs/design.md §15), so
 * that reports and SIEM exports read the same as Entra's. The JSON, the database and exports all carry
 * {@link #entraName()}; the constant's name is Java's only.
 */
public enum AuditActivity {
    SSPR_POLICY_CHANGES("Self-service password reset policy changes"),
    BLOCKED_FROM_SSPR("Blocked from self-service password reset"),
    CHANGE_PASSWORD_SELF_SERVICE("Change password (self-service)"),
    RESET_PASSWORD_BY_ADMIN("Reset password (by admin)"),
    RESET_PASSWORD_SELF_SERVICE("Reset password (self-service)"),
    SSPR_FLOW_ACTIVITY_PROGRESS("Self-service password reset flow activity progress"),
    UNLOCK_USER_ACCOUNT_SELF_SERVICE("Unlock user account (self-service)"),
    USER_REGISTERED_FOR_SSPR("User registered for self-service password reset"),
    SECURITY_INFO_REGISTRATION_STARTED("User started security info registration"),
    SECURITY_INFO_REGISTERED("User registered security info"),
    SECURITY_INFO_DELETED("User deleted security info"),
    SECURITY_INFO_REVIEWED("User reviewed security info"),
    SECURITY_INFO_REGISTRATION_CANCELED("User canceled security info registration"),
    UNLOCK_USER_ACCOUNT_BY_ADMIN("Unlock user account (by admin)"),
    ADMIN_REGISTERED_SECURITY_INFO("Admin registered security info"),
    ADMIN_DELETED_SECURITY_INFO("Admin deleted security info"),
    TEMPORARY_ACCESS_PASS_SIGN_IN("User signed in with a Temporary Access Pass"),
    TEMPORARY_ACCESS_PASS_ENDED("Temporary Access Pass ended"),
    OUTBOX_READ("Administrator read the outbox"),
    AUDIT_EXPORTED("Administrator exported the audit log"),
    // Directory changes, in Entra's wording where Entra has one (its "Core Directory" audit category).
    ADD_USER("Add user"),
    UPDATE_USER("Update user"),
    DELETE_USER("Delete user"),
    ADD_MEMBER_TO_ROLE("Add member to role"),
    REMOVE_MEMBER_FROM_ROLE("Remove member from role"),
    ADD_GROUP("Add group"),
    UPDATE_GROUP("Update group"),
    DELETE_GROUP("Delete group"),
    ADD_MEMBER_TO_GROUP("Add member to group"),
    REMOVE_MEMBER_FROM_GROUP("Remove member from group"),
    IMPORT_USERS("Bulk import users"),
    DIRECTORY_SYNC("Directory sync"),
    ADD_KIOSK("Add kiosk"),
    REVOKE_KIOSK("Revoke kiosk");

    private final String entraName;

    AuditActivity(String entraName) {
        this.entraName = entraName;
    }

    /** The activity's name exactly as Entra writes it, and as the API writes and reads it. */
    @JsonValue
    public String entraName() {
        return entraName;
    }

    /** The activity with this Entra name (exact), if there is one. */
    public static Optional<AuditActivity> fromEntraName(String name) {
        for (AuditActivity activity : values()) {
            if (activity.entraName.equals(name)) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }
}
