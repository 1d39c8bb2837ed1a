package org.opensspr.console.onprem;

import javafx.scene.control.Label;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

/** On-premises integration pane. The live connection status arrives with the directory-integration work. */
public final class OnPremisesPane extends PolicyPaneView<OnPremisesPaneModel> {

    public OnPremisesPane(OnPremisesPaneModel model, ConsoleContext context) {
        super(model, context, "onprem.title", "onprem.subtitle");
        YesNo writeback = new YesNo(context, model.writebackProperty(), "onprem.writeback");
        YesNo unlock = new YesNo(context, model.unlockWithoutResetProperty(), "onprem.unlock");
        editableOnly(writeback, unlock);
        unlock.disableProperty().unbind();
        unlock.disableProperty().bind(model.editableProperty().not().or(model.writebackProperty().not()));
        Label status = new Label(context.text("onprem.status.pending"));
        status.getStyleClass().add("info-note");
        status.setMaxWidth(Double.MAX_VALUE);
        content.getChildren().addAll(section(context.text("onprem.status")), status,
                writeback, note(context.text("onprem.writeback.help")),
                unlock, note(context.text("onprem.unlock.help")));
    }
}
