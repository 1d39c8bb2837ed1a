package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** "Delete this method?" before the server is asked; Back keeps it. */
public final class DeleteStep implements FlowStepView {
    private final RegisteredInfoDto item;
    private final VBox view;

    public DeleteStep(StepContext context, SecurityInfoScreen.Delete screen) {
        I18n i18n = context.i18n();
        item = screen.item();
        view = StepLayout.of(i18n, "secinfo.delete.title." + item.kind().name(), new Object[0],
                "secinfo.delete.intro", new Object[0]);
        if (Kinds.showsDisplay(item.kind()) && item.display() != null) {
            Label display = new Label(item.display());
            display.getStyleClass().add("registered-display");
            view.getChildren().add(2, display);
        }
        if (screen.info().registeredCount() <= screen.info().requiredToRegister() && item.counts()) {
            Label warning = new Label();
            warning.setId("deleteWarning");
            warning.setWrapText(true);
            warning.getStyleClass().add("muted");
            warning.textProperty().bind(i18n.text("secinfo.delete.belowRequired", screen.info().requiredToRegister()));
            view.getChildren().add(warning);
        }
        view.setId("secinfoDelete");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String nextKey() {
        return "secinfo.delete";
    }

    @Override
    public StepOutcome next() {
        return new SecurityInfoAction.Delete(item.kind());
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
