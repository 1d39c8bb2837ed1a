package org.opensspr.kiosk.wizard;

import org.opensspr.api.FlowResponse;
import org.opensspr.kiosk.deadend.DeadEnd;

/** What the wizard shows now: a local question before the flow starts, the server's step, a dead end, or a local screen. */
public sealed interface WizardScreen {

    /** "Why are you having trouble signing in?" — reset or unlock — before any request is sent. */
    record ChooseIntent() implements WizardScreen {
    }

    /** The server's current step (with the notice about the last request, if any). */
    record Step(FlowResponse response) implements WizardScreen {
    }

    /** The flow stopped. */
    record Stopped(DeadEnd deadEnd) implements WizardScreen {
    }

    /**
     * A screen the kiosk puts up from the state the server keeps, with no flow step behind it: the
     * security-info wizard's (issue 12). Each kind registers its view in {@link StepViews}.
     */
    non-sealed interface Local extends WizardScreen {
    }
}
