package org.opensspr.ui.testing;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;

/**
 * Typing for the GUI tests: each character reaches the focused control as pressed, typed and released key
 * events with the key codes TestFX's {@code write} gives them (Enter for a line break, Tab for a tab, none
 * otherwise), but a whole text in one turn of the FX thread. TestFX waits for the FX thread five times after
 * every character, which was a third of {@code PolicyPanesTest}'s time; the control sees the same events
 * either way, and the caller waits once after the text.
 */
public final class Keyboard {
    private Keyboard() {
    }

    /** Types {@code text} into {@code field}, which must have the focus (click into it first). */
    public static void type(FxRobot robot, Node field, String text) {
        robot.interact(() -> {
            Node focused = field.getScene().getFocusOwner();
            if (focused != field) {
                throw new IllegalStateException("Typing into " + field.getId() + ", but the focus is on "
                        + (focused == null ? "nothing" : focused.getId()));
            }
            text.codePoints().forEach(point -> {
                String character = Character.toString(point);
                KeyCode code = switch (point) {
                    case '\n' -> KeyCode.ENTER;
                    case '\t' -> KeyCode.TAB;
                    default -> KeyCode.UNDEFINED;
                };
                Event.fireEvent(field, event(KeyEvent.KEY_PRESSED, "", code));
                Event.fireEvent(field, event(KeyEvent.KEY_TYPED, character, KeyCode.UNDEFINED));
                Event.fireEvent(field, event(KeyEvent.KEY_RELEASED, "", code));
            });
        });
    }

    private static KeyEvent event(EventType<KeyEvent> type, String character, KeyCode code) {
        return new KeyEvent(type, character, "", code, false, false, false, false);
    }
}
