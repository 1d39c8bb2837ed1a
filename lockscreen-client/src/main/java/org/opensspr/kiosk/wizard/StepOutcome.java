package org.opensspr.kiosk.wizard;

/** What pressing Next on a step asks for. Steps return one; only the {@link WizardModel} acts on it. */
public sealed interface StepOutcome {

    /** Send this request; the server's answer decides the next step. */
    record Call(ServerCall call) implements StepOutcome {
    }

    /** Start the server's flow for what the person chose (reset or unlock). */
    record Start(org.opensspr.flow.FlowIntent intent) implements StepOutcome {
    }

    /** Not ready to send (an empty field, passwords that differ): say why and stay. */
    record Invalid(String messageKey) implements StepOutcome {
    }

    /** The flow is over for this person: back to the sign-in screen. */
    record Leave() implements StepOutcome {
    }

    /**
     * What only one kind of wizard understands: the security-info wizard's add, prove, confirm, … (issue 12).
     * Its driver acts on its own actions; another driver refuses them.
     */
    non-sealed interface Action extends StepOutcome {
    }
}
