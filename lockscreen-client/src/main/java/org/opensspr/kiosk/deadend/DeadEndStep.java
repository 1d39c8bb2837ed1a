package org.opensspr.kiosk.deadend;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** A clear stop: what happened, when to try again (if that helps), and whom to contact. */
public final class DeadEndStep implements FlowStepView {
    private final VBox view;

    public DeadEndStep(StepContext context, DeadEnd deadEnd) {
        I18n i18n = context.i18n();
        String key = deadEnd.kind().messageKey();
        VBox body = StepLayout.of(i18n, key + ".title", key + ".text");
        if (deadEnd.retryAfter() != null) {
            Label retry = new Label();
            retry.setId("retryAfter");
            retry.setWrapText(true);
            retry.textProperty().bind(i18n.text("deadend.retryAfter", javafx.beans.binding.Bindings.createStringBinding(
                    () -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                            .withZone(ZoneId.systemDefault()).format(deadEnd.retryAfter()), i18n.languageProperty())));
            body.getChildren().add(retry);
        }
        body.getChildren().add(HelpdeskLine.of(i18n, deadEnd.helpdesk()));
        body.getStyleClass().add("dead-end");
        body.setId("deadEnd-" + deadEnd.kind().name());
        view = body;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public StepOutcome next() {
        return new StepOutcome.Leave();
    }

    @Override
    public String nextKey() {
        return "deadend.back";
    }

    @Override
    public boolean cancellable() {
        return false;
    }
}
