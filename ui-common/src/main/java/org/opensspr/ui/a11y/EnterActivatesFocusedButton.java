package org.opensspr.ui.a11y;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter activates the focused push button, link or menu button, as it does on Windows. JavaFX itself
 * only fires the scene's default button on Enter (and the focused control on Space), which leaves
 * people who use Tab and Enter alone unable to follow a link. On a radio button or check box Enter
 * still means the default button, as on Windows (Space toggles them).
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
            if (focused instanceof ButtonBase button && activates(button) && !button.isDisabled()
                    && !(button instanceof Button plain && plain.isDefaultButton())) {
                button.fire();
                event.consume();
            } else if (focused instanceof RadioButton || focused instanceof CheckBox) {
                // JavaFX's toggle behaviour keeps Enter to itself; Windows passes it to the default button.
                defaultButton(scene).ifPresent(button -> {
                    button.fire();
                    event.consume();
                });
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        return filter;
    }

    private static java.util.Optional<Button> defaultButton(Scene scene) {
        return scene.getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button button && button.isDefaultButton() && !button.isDisabled()
                        && button.isVisible() && button.getScene() == scene)
                .map(Button.class::cast).findFirst();
    }

    private static boolean activates(ButtonBase button) {
        return button instanceof Button || button instanceof Hyperlink || button instanceof MenuButton;
    }
}
