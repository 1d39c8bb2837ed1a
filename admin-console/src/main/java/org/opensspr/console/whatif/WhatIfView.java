package org.opensspr.console.whatif;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;
import org.opensspr.flow.FlowIntent;
import org.opensspr.policy.SsprPolicy;

import java.util.function.Supplier;

/** What if: pick a user and what they ask for, and see what the kiosk would do, and why. */
public final class WhatIfView extends ScrollPane {
    private final WhatIfModel model;
    private final ConsoleContext context;
    private final WhatIfResultCard card;

    /**
     * @param readOnlyReason why this role can't look users up, or null when it can
     * @param policy         the policy in force as last loaded (for the helpdesk contact and the unlock rule)
     */
    public WhatIfView(WhatIfModel model, ConsoleContext context, String readOnlyReason, Supplier<SsprPolicy> policy) {
        this.model = model;
        this.context = context;
        VBox content = new VBox(12);
        content.getStyleClass().add("policy-pane");
        Label title = new Label(context.text("whatif.title"));
        title.getStyleClass().add("pane-title");
        content.getChildren().addAll(title, PaneText.note(context.text("whatif.subtitle")));
        if (readOnlyReason != null) {
            Label note = new Label(readOnlyReason);
            note.setId("whatIfReadOnly");
            note.getStyleClass().add("read-only-note");
            note.setMaxWidth(Double.MAX_VALUE);
            content.getChildren().add(note);
        }

        TextField search = new TextField();
        search.setId("whatIfSearch");
        search.setPromptText(context.text("whatif.search.prompt"));
        search.setAccessibleText(context.text("whatif.search"));
        Label searchLabel = new Label(context.text("whatif.search"));
        searchLabel.setLabelFor(search);
        // Ask the server once typing pauses, not for every key.
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.search(search.getText()));
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            model.search(search.getText());
        });

        ListView<UserSummaryDto> users = new ListView<>(model.users());
        users.setId("whatIfUsers");
        users.setAccessibleText(context.text("whatif.users"));
        users.setPrefHeight(140);
        users.setPlaceholder(new Label(context.text("whatif.users.none")));
        users.setCellFactory(list -> new UserCell());
        users.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.userProperty().set(now));

        ToggleGroup intents = new ToggleGroup();
        HBox intentRow = new HBox(16);
        intentRow.setAlignment(Pos.CENTER_LEFT);
        for (FlowIntent intent : FlowIntent.values()) {
            RadioButton button = new RadioButton(context.text("whatif.intent." + intent.name()));
            button.setId("intent-" + intent.name());
            button.setAccessibleText(context.text("whatif.intent") + " " + button.getText());
            button.setToggleGroup(intents);
            button.setUserData(intent);
            button.setSelected(model.intentProperty().get() == intent);
            intentRow.getChildren().add(button);
        }
        intents.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.intentProperty().set((FlowIntent) now.getUserData());
            }
        });
        Button again = new Button(context.text("whatif.checkAgain"));
        again.setId("whatIfCheck");
        again.disableProperty().bind(model.userProperty().isNull());
        again.setOnAction(e -> model.check());
        Label intentLabel = new Label(context.text("whatif.intent"));
        HBox intentLine = new HBox(16, intentLabel, intentRow, again);
        intentLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(intentRow, Priority.ALWAYS);

        VBox controls = new VBox(8, searchLabel, search, users, intentLine);
        controls.disableProperty().bind(model.mayLookUpProperty().not());

        Label status = new Label();
        status.setId("whatIfStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        card = new WhatIfResultCard(context);
        Runnable show = () -> {
            UserSummaryDto user = model.userProperty().get();
            var answer = model.resultProperty().get();
            card.show(answer == null || user == null ? null : WhatIfSummary.of(context, answer,
                    model.resultIntentProperty().get(), name(user), policy.get()));
        };
        model.resultProperty().addListener(o -> show.run());
        show.run();

        content.getChildren().addAll(controls, status, PaneText.section(context.text("whatif.result")), card,
                PaneText.note(context.text("whatif.basis")));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
        model.search("");
    }

    public WhatIfModel model() {
        return model;
    }

    private static String name(UserSummaryDto user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.userPrincipalName() : user.displayName();
    }

    /** "Adele Vance — adele.vance@contoso.example", with the account's state when it matters. */
    private final class UserCell extends ListCell<UserSummaryDto> {
        @Override
        protected void updateItem(UserSummaryDto user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setText(null);
                return;
            }
            String state = !user.enabled() ? context.text("whatif.user.disabled")
                    : user.locked() ? context.text("whatif.user.locked") : "";
            setText(context.text("whatif.user", name(user), user.userPrincipalName(), context.text("whatif.source." + user.source().name()))
                    + (state.isEmpty() ? "" : " · " + state));
        }
    }
}
