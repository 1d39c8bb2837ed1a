package org.opensspr.kiosk;

import javafx.scene.input.KeyCode;
import org.opensspr.kiosk.wizard.IntentChoiceStep;
import org.opensspr.ui.tasks.Background;
import org.testfx.api.FxRobot;

import java.util.function.Supplier;

/** The kiosk robot for the screenshot tour (in another package): the same actions as the tests use. */
public final class TourAccess {
    private final KioskRobot robot;
    private final Supplier<Kiosk> kiosk;

    public TourAccess(FxRobot fx, Background background, Supplier<Kiosk> kiosk) {
        this.robot = new KioskRobot(fx, background, kiosk);
        this.kiosk = kiosk;
    }

    public TourAccess settle() {
        robot.settle();
        return this;
    }

    public TourAccess type(String id, String text) {
        robot.type(id, text);
        return this;
    }

    public TourAccess press(KeyCode... keys) {
        robot.press(keys);
        return this;
    }

    public TourAccess click(String id) {
        robot.click(id);
        return this;
    }

    public TourAccess next() {
        robot.next();
        return this;
    }

    public TourAccess choose(String method) {
        robot.choose(method);
        return this;
    }

    public TourAccess cancel() {
        robot.click("#wizardCancel");
        return this;
    }

    /** "Can't access your account?" for {@code userName}, "I forgot my password", then the user ID step. */
    public TourAccess reset(String userName) {
        robot.cantAccess(userName);
        if (robot.step() instanceof IntentChoiceStep) {
            robot.next();
        }
        robot.identify(userName);
        return this;
    }

    /** The text of a label, button or field on screen. */
    public String text(String id) {
        return robot.text(id);
    }

    public boolean showing(String id) {
        return robot.showing(id);
    }

    /** The simple name of the step's class on screen (the security-info wizard's included), or "". */
    public String stepName() {
        return robot.step() == null ? "" : robot.step().getClass().getSimpleName();
    }

    /** Chooses row {@code row}'s security question by its place in the list. */
    public TourAccess pickQuestion(int row, int question) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> picker = robot.fx().lookup("#question" + row)
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.fx().interact(() -> picker.getSelectionModel().select(question));
        robot.settle();
        return this;
    }

    /** The flow's ticket on screen (to end it from elsewhere). */
    public String ticket() {
        return kiosk.get().shell().wizard().ticket();
    }
}
