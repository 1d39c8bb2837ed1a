package org.opensspr.console.registration;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

/** Registration pane: "Require users to register when signing in?" and "Number of days before users are asked to reconfirm". */
public final class RegistrationPane extends PolicyPaneView<RegistrationPaneModel> {

    public RegistrationPane(RegistrationPaneModel model, ConsoleContext context) {
        super(model, context, "registration.title", "registration.subtitle");
        YesNo require = new YesNo(context, model.requireAtSignInProperty(), "registration.require");
        editableOnly(require);

        TextField days = new TextField();
        days.setId("reconfirmDays");
        days.setPrefColumnCount(5);
        days.setMaxWidth(120);
        days.textProperty().bindBidirectional(model.reconfirmDaysProperty());
        days.disableProperty().bind(model.editableProperty().not().or(model.requireAtSignInProperty().not()));
        Label daysLabel = new Label(context.text("registration.reconfirm"));
        daysLabel.setLabelFor(days);
        days.setAccessibleText(context.text("registration.reconfirm"));
        Label whenOff = note(context.text("registration.reconfirm.disabled"));
        whenOff.visibleProperty().bind(model.requireAtSignInProperty().not());
        whenOff.managedProperty().bind(whenOff.visibleProperty());

        content.getChildren().addAll(require, daysLabel, new HBox(8, days, new Label(context.text("registration.days"))),
                problemLabel(RegistrationPaneModel.RECONFIRM_FIELD, days), note(context.text("registration.reconfirm.help")),
                whenOff);
    }
}
