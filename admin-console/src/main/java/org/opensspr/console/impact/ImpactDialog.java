package org.opensspr.console.impact;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opensspr.api.ImpactGroupDto;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.console.ConsoleContext;

/**
 * Shown before a save that changes who can reset: users newly out of scope, newly unable to reset, and
 * newly required to register — counts and names, as the server's engines computed them.
 */
public final class ImpactDialog extends Dialog<ButtonType> {
    public static final ButtonType SAVE = new ButtonType("save", ButtonBar.ButtonData.OK_DONE);

    public ImpactDialog(ConsoleContext context, PolicyImpactDto impact, Window owner) {
        initOwner(owner);
        setTitle(context.text("impact.title"));
        setHeaderText(context.text("impact.header"));
        ButtonType save = new ButtonType(context.text("impact.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("impact.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(save, cancel);
        getDialogPane().setId("impactDialog");
        VBox groups = new VBox(8,
                group(context, "outOfScope", impact.newlyOutOfScope()),
                group(context, "unableToReset", impact.newlyUnableToReset()),
                group(context, "mustRegister", impact.newlyRequiredToRegister()));
        getDialogPane().setPrefWidth(800);
        getDialogPane().setContent(groups);
        setResultConverter(button -> button == save ? SAVE : ButtonType.CANCEL);
    }

    private static TitledPane group(ConsoleContext context, String key, ImpactGroupDto group) {
        ListView<ImpactedUserDto> users = new ListView<>();
        users.setId("impact-" + key);
        users.getItems().setAll(group.users());
        users.setPrefHeight(Math.min(4, Math.max(1, group.users().size())) * 52 + 6);
        users.setAccessibleText(context.text("impact." + key, group.count()));
        users.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ImpactedUserDto user, boolean empty) {
                super.updateItem(user, empty);
                setText(null);
                if (empty || user == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                Label who = new Label(context.text("impact.user", user.displayName(), user.userPrincipalName()));
                Label why = new Label(user.reason());
                why.getStyleClass().add("muted");
                why.setWrapText(true);
                why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                why.maxWidthProperty().bind(list.widthProperty().subtract(40));
                setGraphic(new VBox(2, who, why));
                setAccessibleText(who.getText() + ": " + user.reason());
            }
        });
        VBox body = new VBox(6, users);
        if (group.count() > group.users().size()) {
            Label more = new Label(context.text("impact.more", group.count() - group.users().size()));
            more.getStyleClass().add("muted");
            body.getChildren().add(more);
        }
        TitledPane pane = new TitledPane(context.text("impact." + key, group.count()), body);
        pane.setExpanded(group.count() > 0);
        pane.setCollapsible(group.count() > 0);
        return pane;
    }

    /** True when the change affects nobody, so there is nothing to confirm. */
    public static boolean affectsNobody(PolicyImpactDto impact) {
        return impact.newlyOutOfScope().count() == 0 && impact.newlyUnableToReset().count() == 0
                && impact.newlyRequiredToRegister().count() == 0;
    }
}
