package org.opensspr.console.notifications;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.NotificationPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.List;

/** Notifications: tell users when their password was reset; tell all Global Administrators when an admin resets. */
public final class NotificationsPaneModel extends PolicyPaneModel {
    private final BooleanProperty notifyUsers = new SimpleBooleanProperty();
    private final BooleanProperty notifyAdmins = new SimpleBooleanProperty();

    public NotificationsPaneModel() {
        watch(notifyUsers, notifyAdmins);
    }

    @Override
    protected void read(SsprPolicy policy) {
        notifyUsers.set(policy.notifications().notifyUsersOnReset());
        notifyAdmins.set(policy.notifications().notifyAdminsOnAdminReset());
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        return policy.withNotifications(new NotificationPolicy(notifyUsers.get(), notifyAdmins.get()));
    }

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("notifications.");
    }

    public BooleanProperty notifyUsersProperty() {
        return notifyUsers;
    }

    public BooleanProperty notifyAdminsProperty() {
        return notifyAdmins;
    }
}
