package org.opensspr.console.notifications;

import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

/** Notifications pane: the two questions Entra asks. */
public final class NotificationsPane extends PolicyPaneView<NotificationsPaneModel> {

    public NotificationsPane(NotificationsPaneModel model, ConsoleContext context) {
        super(model, context, "notifications.title", "notifications.subtitle");
        YesNo users = new YesNo(context, model.notifyUsersProperty(), "notifications.users");
        YesNo admins = new YesNo(context, model.notifyAdminsProperty(), "notifications.admins");
        editableOnly(users, admins);
        content.getChildren().addAll(users, note(context.text("notifications.users.help")),
                admins, note(context.text("notifications.admins.help")));
    }
}
