package org.opensspr.ui.a11y;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter activates the focused button, link, radio button or check box, as it does on Windows. JavaFX
 * itself only fires the scene's default button on Enter (and the focused control on Space), which
 * leaves people who use Tab and Enter alone unable to follow a link.
 */
public final class EnterActivatesFocusedButton {
    private EnterActivatesFocusedButton() {
    }

    /** Adds the behaviour to {@code scene}; returns the filter so that it can be removed again. */
    public static EventHandler<KeyEvent> install(Scene scene) {
        EventHandler<KeyEvent> filter = event -> {
            if (event.getCode() != KeyCode.ENTER || event.isAltDown() || event.isControlDown()
                    || event.isShortcutDown() || event.isMetaDown()) {
                return;
            }
            Node focused = scene.getFocusOwner();
            if (focused instanceof ButtonBase button && !button.isDisabled()
                    && !(button instanceof Button plain && plain.isDefaultButton())) {
                button.fire();
                event.consume();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        return filter;
    }
}
