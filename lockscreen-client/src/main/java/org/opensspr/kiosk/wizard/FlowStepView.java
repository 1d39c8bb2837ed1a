package org.opensspr.kiosk.wizard;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.opensspr.ui.wizard.WizardStep;

/**
 * A wizard step as the kiosk's frame needs it: what Next does, what the Next button says, whether Next
 * may be pressed yet, and whether the flow can still be cancelled (not once it is over).
 */
public interface FlowStepView extends WizardStep {

    StepOutcome next();

    /** The bundle key of the Next button's text. */
    default String nextKey() {
        return "wizard.next";
    }

    /** Whether Next may be pressed now; a step whose input is incomplete (a code missing digits) keeps it off. */
    default ObservableBooleanValue ready() {
        return new SimpleBooleanProperty(true);
    }

    /** Whether Cancel is offered (and Escape cancels). At the end of a flow Escape leaves instead. */
    default boolean cancellable() {
        return true;
    }

    /** Whether Escape goes Back (a step inside a step, such as one method's set-up) rather than cancelling. */
    default boolean escapeGoesBack() {
        return false;
    }
}
