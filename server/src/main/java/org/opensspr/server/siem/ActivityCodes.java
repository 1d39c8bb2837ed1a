package org.opensspr.server.siem;

import org.opensspr.api.AuditActivity;

import java.util.Optional;

/**
 * A short code per audit activity: the syslog MSGID (at most 32 printable ASCII characters, RFC 5424) and the
 * CEF Signature ID. SIEM rules filter on it, so it must never change: it is spelled out here rather than
 * derived from the constant's name, and the switch has no default so a new activity can't compile without one.
 */
final class ActivityCodes {
    /** For an activity this server doesn't know (written by a newer version sharing the database). */
    static final String OTHER = "other";

    private ActivityCodes() {
    }

    static String of(AuditActivity activity) {
        return switch (activity) {
            case SSPR_POLICY_CHANGES -> "sspr-policy-change";
            case BLOCKED_FROM_SSPR -> "sspr-blocked";
            case CHANGE_PASSWORD_SELF_SERVICE -> "password-change";
            case RESET_PASSWORD_BY_ADMIN -> "password-reset-by-admin";
            case RESET_PASSWORD_SELF_SERVICE -> "password-reset";
            case SSPR_FLOW_ACTIVITY_PROGRESS -> "sspr-flow-progress";
            case UNLOCK_USER_ACCOUNT_SELF_SERVICE -> "account-unlock";
            case USER_REGISTERED_FOR_SSPR -> "sspr-registered";
            case SECURITY_INFO_REGISTRATION_STARTED -> "secinfo-registration-start";
            case SECURITY_INFO_REGISTERED -> "secinfo-register";
            case SECURITY_INFO_DELETED -> "secinfo-delete";
            case SECURITY_INFO_REVIEWED -> "secinfo-review";
            case SECURITY_INFO_REGISTRATION_CANCELED -> "secinfo-registration-cancel";
            case UNLOCK_USER_ACCOUNT_BY_ADMIN -> "account-unlock-by-admin";
            case ADMIN_REGISTERED_SECURITY_INFO -> "secinfo-register-by-admin";
            case ADMIN_DELETED_SECURITY_INFO -> "secinfo-delete-by-admin";
            case TEMPORARY_ACCESS_PASS_SIGN_IN -> "tap-sign-in";
            case TEMPORARY_ACCESS_PASS_ENDED -> "tap-ended";
            case OUTBOX_READ -> "outbox-read";
            case AUDIT_EXPORTED -> "audit-export";
            case ADD_USER -> "user-add";
            case UPDATE_USER -> "user-update";
            case DELETE_USER -> "user-delete";
            case ADD_MEMBER_TO_ROLE -> "role-member-add";
            case REMOVE_MEMBER_FROM_ROLE -> "role-member-remove";
            case ADD_GROUP -> "group-add";
            case UPDATE_GROUP -> "group-update";
            case DELETE_GROUP -> "group-delete";
            case ADD_MEMBER_TO_GROUP -> "group-member-add";
            case REMOVE_MEMBER_FROM_GROUP -> "group-member-remove";
            case IMPORT_USERS -> "users-import";
            case DIRECTORY_SYNC -> "directory-sync";
            case ADD_KIOSK -> "kiosk-add";
            case REVOKE_KIOSK -> "kiosk-revoke";
        };
    }

    /** The code of an activity as the audit table stores it (Entra's wording). */
    static String ofStored(String entraName) {
        Optional<AuditActivity> activity = AuditActivity.fromEntraName(entraName);
        return activity.map(ActivityCodes::of).orElse(OTHER);
    }
}
