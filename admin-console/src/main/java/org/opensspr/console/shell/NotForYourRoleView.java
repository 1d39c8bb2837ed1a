package org.opensspr.console.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

/**
 * A view this administrator's role can't use: listed anyway, so they see where it lives, and opened to say why not
 * and which roles can — not greyed out in the navigation, where a reason can only be a tooltip.
 */
final class NotForYourRoleView extends VBox {

    NotForYourRoleView(ConsoleContext context, String navKey, String reason) {
        super(12);
        getStyleClass().add("policy-pane");
        setId("notForYourRole");
        Label title = new Label(context.text("nav." + navKey));
        title.getStyleClass().add("pane-title");
        Label note = new Label(reason);
        note.setId("notForYourRoleReason");
        note.getStyleClass().add("read-only-note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, PaneText.note(context.text(navKey + ".subtitle")), note);
    }
}
