package org.opensspr.kiosk.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * What the wizard's frame ({@link WizardPane}) drives: the screen to show, whether a request is under way,
 * the message about the last one, and what Next, Back and Cancel do. The reset flow's {@link WizardModel}
 * is one; the security-info wizard (issue 12) is another. Used on the FX thread only.
 */
public interface WizardDriver {

    ReadOnlyObjectProperty<WizardScreen> screenProperty();

    ReadOnlyBooleanProperty workingProperty();

    /** A bundle key ("" for none) about the last request: a wrong code, a code sent again, … */
    ReadOnlyStringProperty messageKeyProperty();

    /** The message's arguments (a time to try again, the server's words); empty for none. */
    default ObservableValue<Object[]> messageArgsProperty() {
        return new SimpleObjectProperty<>(new Object[0]);
    }

    ReadOnlyBooleanProperty messageIsErrorProperty();

    ReadOnlyBooleanProperty backAvailableProperty();

    /** The bundle key of the frame's heading. */
    default String headingKey() {
        return "wizard.heading";
    }

    /** The bundle key of the Cancel button (Cancel; "Ask me later" where asking can wait). */
    default String cancelKey() {
        return "wizard.cancel";
    }

    /** What Next does on {@code view}: acts on what the view's {@link FlowStepView#next()} asks for. */
    default void next(FlowStepView view) {
        perform(view.next());
    }

    /** Acts on an outcome: Next's, or one a step's own button asks for (send again, delete, …). */
    void perform(StepOutcome outcome);

    void back();

    void cancel();
}
