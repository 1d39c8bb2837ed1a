package org.opensspr.kiosk.wizard;

import org.opensspr.ui.wizard.WizardStep;

/**
 * A wizard step as the kiosk's frame needs it: what Next does, what the Next button says, and whether
 * the flow can still be cancelled (not once it is over).
 */
public interface FlowStepView extends WizardStep {

    StepOutcome next();

    /** The bundle key of the Next button's text. */
    default String nextKey() {
        return "wizard.next";
    }

    /** Whether Cancel is offered (and Escape cancels). At the end of a flow Escape leaves instead. */
    default boolean cancellable() {
        return true;
    }
}
