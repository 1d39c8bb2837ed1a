package org.opensspr.ui.wizard;

import javafx.scene.Node;

/**
 * One screen of a wizard. A step builds its view once; {@link StepHost} calls {@link #onShow()} when
 * the view goes on screen and {@link #onHide()} when it leaves, so that a step binds to long-lived
 * models (and starts timers) only while it is visible — an app that runs for weeks keeps no stale
 * listeners behind.
 */
public interface WizardStep {

    /** The step's view; the same node on every call. */
    Node view();

    /** The view is now on screen: bind, listen, start timers. */
    default void onShow() {
    }

    /** The view left the screen: undo everything {@link #onShow()} did. */
    default void onHide() {
    }

    /** The control that gets the keyboard focus when the step is shown, or null for none. */
    default Node initialFocus() {
        return null;
    }
}
