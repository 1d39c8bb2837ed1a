package org.opensspr.ui.wizard;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * Shows one {@link WizardStep} at a time. Replacing a step hides the old one first ({@code onHide}),
 * then shows the new one ({@code onShow}) and moves the focus to its {@code initialFocus()}. The host
 * knows nothing about which steps exist, so new kinds of step slot in without changing it.
 */
public final class StepHost extends StackPane {
    private final ReadOnlyObjectWrapper<WizardStep> current = new ReadOnlyObjectWrapper<>(this, "current");

    public StepHost() {
        getStyleClass().add("step-host");
    }

    /** Call on the FX thread. Showing the step that is already current does nothing. */
    public void show(WizardStep step) {
        WizardStep previous = current.get();
        if (previous == step) {
            return;
        }
        if (previous != null) {
            previous.onHide();
        }
        current.set(step);
        if (step == null) {
            getChildren().clear();
            return;
        }
        getChildren().setAll(step.view());
        step.onShow();
        Node focus = step.initialFocus();
        if (focus != null) {
            // After layout, so that a node that has just been added can take the focus.
            Platform.runLater(() -> {
                if (current.get() == step) {
                    focus.requestFocus();
                }
            });
        }
    }

    /** Hides the current step and shows nothing. */
    public void clear() {
        show(null);
    }

    public WizardStep currentStep() {
        return current.get();
    }

    public ReadOnlyObjectProperty<WizardStep> currentStepProperty() {
        return current.getReadOnlyProperty();
    }
}
