package org.opensspr.policy;

/** Notifications pane. */
public record NotificationPolicy(boolean notifyUsersOnReset, boolean notifyAdminsOnAdminReset) {
    public static NotificationPolicy defaults() {
        return new NotificationPolicy(true, true);
    }
}
