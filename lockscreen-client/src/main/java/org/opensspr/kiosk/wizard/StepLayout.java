package org.opensspr.kiosk.wizard;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;

/** The common shape of a step: a heading, a sentence saying what to do, then the step's own content. */
public final class StepLayout {
    private StepLayout() {
    }

    public static VBox of(I18n i18n, String titleKey, Object[] titleArgs, String introKey, Object[] introArgs,
                          Node... content) {
        Label title = new Label();
        title.textProperty().bind(i18n.text(titleKey, titleArgs));
        title.getStyleClass().add("step-title");
        title.setWrapText(true);
        title.setId("stepTitle");
        VBox box = new VBox(title);
        if (introKey != null) {
            Label intro = new Label();
            intro.textProperty().bind(i18n.text(introKey, introArgs));
            intro.getStyleClass().add("step-intro");
            intro.setWrapText(true);
            intro.setId("stepIntro");
            box.getChildren().add(intro);
        }
        box.getChildren().addAll(content);
        box.getStyleClass().add("step");
        return box;
    }

    public static VBox of(I18n i18n, String titleKey, String introKey, Node... content) {
        return of(i18n, titleKey, new Object[0], introKey, new Object[0], content);
    }

    /** A field with its label above it; the label names the field for screen readers. */
    public static VBox field(I18n i18n, String labelKey, Control field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(labelKey));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        field.accessibleTextProperty().bind(label.textProperty());
        VBox box = new VBox(label, field);
        box.getStyleClass().add("labelled-field");
        return box;
    }
}
