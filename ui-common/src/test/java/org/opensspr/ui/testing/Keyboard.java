package org.opensspr.ui.testing;

import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;

import java.util.Locale;

/**
 * Typing for the GUI tests: each character reaches the focused control as the key events a keyboard sends
 * (pressed, typed, released), as TestFX's {@code write} sends them, but a whole text in one turn of the FX
 * thread. TestFX waits for the FX thread five times after every character, which made typing a third of the
 * GUI suites' time; the controls see the same events either way, and the caller waits once after the text.
 */
public final class Keyboard {
    private Keyboard() {
    }

    /** Types {@code text} into whatever has the focus in {@code node}'s scene (click into a field first). */
    public static void type(FxRobot robot, Node node, String text) {
        robot.interact(() -> {
            Node focused = node.getScene().getFocusOwner();
            EventTarget target = focused != null ? focused : node.getScene();
            text.codePoints().forEach(point -> {
                String character = Character.toString(point);
                KeyCode code = keyOf(character);
                Event.fireEvent(target, event(KeyEvent.KEY_PRESSED, "", code));
                Event.fireEvent(target, event(KeyEvent.KEY_TYPED, character, KeyCode.UNDEFINED));
                Event.fireEvent(target, event(KeyEvent.KEY_RELEASED, "", code));
            });
        });
    }

    private static KeyCode keyOf(String character) {
        KeyCode code = KeyCode.getKeyCode(character.toUpperCase(Locale.ROOT));
        return code != null ? code : KeyCode.UNDEFINED;
    }

    private static KeyEvent event(EventType<KeyEvent> type, String character, KeyCode code) {
        return new KeyEvent(type, character, "", code, false, false, false, false);
    }
}
