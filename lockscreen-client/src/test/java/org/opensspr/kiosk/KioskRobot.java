package org.opensspr.kiosk;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.testing.Keyboard;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the kiosk like a person (clicks and typing through TestFX) and waits for its server calls. */
final class KioskRobot {
    private final FxRobot robot;
    private final Background background;
    private final Supplier<Kiosk> kiosk;

    KioskRobot(FxRobot robot, TestKiosk kiosk) {
        this(robot, kiosk.background, () -> kiosk.kiosk);
    }

    /** For a kiosk that appears later (after enrollment, in the screenshot tour). */
    KioskRobot(FxRobot robot, Background background, Supplier<Kiosk> kiosk) {
        this.robot = robot;
        this.background = background;
        this.kiosk = kiosk;
    }

    /** Waits until no server call is under way and the FX thread has caught up. */
    KioskRobot settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !background.isBusy() && !polling());
        } catch (TimeoutException e) {
            throw new AssertionError("The kiosk was still busy after 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Whether the reset wizard is asking the server, quietly, whether a notification was answered. */
    private boolean polling() {
        Kiosk shown = kiosk.get();
        var wizard = shown == null ? null : shown.shell().wizard();
        return wizard != null && wizard.pollingProperty().get();
    }

    KioskRobot click(String id) {
        robot.clickOn(id);
        return settle();
    }

    /** Replaces the field's text by typing (a click into it first). */
    KioskRobot type(String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        Keyboard.type(robot, field, text);
        return this;
    }

    KioskRobot press(KeyCode... keys) {
        robot.type(keys);
        return settle();
    }

    KioskRobot next() {
        return click("#wizardNext");
    }

    String text(String id) {
        Node node = robot.lookup(id).query();
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    boolean showing(String id) {
        Optional<Node> node = robot.lookup(id).tryQuery();
        if (node.isEmpty() || node.get().getScene() == null) {
            return false;
        }
        for (Node n = node.get(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The step on screen, in the reset wizard or the security-info wizard. */
    FlowStepView step() {
        KioskShell shell = kiosk.get().shell();
        if (shell.wizardPane() != null) {
            return shell.wizardPane().currentStep();
        }
        return shell.securityInfoPane() == null ? null : shell.securityInfoPane().currentStep();
    }

    <T> T step(Class<T> type) {
        FlowStepView step = step();
        assertThat(step).as("the step on screen (%s)", robot.lookup("#stepTitle").tryQuery()
                .map(title -> ((Labeled) title).getText() + ": " + robot.lookup("#stepIntro").tryQuery()
                        .map(intro -> ((Labeled) intro).getText()).orElse("")).orElse("")).isInstanceOf(type);
        return type.cast(step);
    }

    /** Every control on screen has a name a screen reader can say (docs/design.md §19). */
    KioskRobot assertEveryControlNamed() {
        assertThat(AccessibleTextAudit.unnamedControls(kiosk.get().scene().getRoot())).isEmpty();
        return this;
    }

    /** From the sign-in screen: "Can't access your account?" with the user name typed there. */
    KioskRobot cantAccess(String userName) {
        type("#userName", userName);
        return click("#cantAccess");
    }

    /** On the "Who are you?" step: the user ID (if not filled in yet) and the captcha, then Next. */
    KioskRobot identify(String userId) {
        if (!userId.equals(text("#userId"))) {
            type("#userId", userId);
        }
        type("#captchaAnswer", DemoServer.CAPTCHA);
        return next();
    }

    KioskRobot choose(String method) {
        click("#method-" + method);
        return next();
    }

    KioskRobot enterCode(String code) {
        type("#code", code);
        return next();
    }

    KioskRobot newPassword(String password) {
        type("#newPassword", password);
        type("#confirmPassword", password);
        return next();
    }

    String ticket() {
        return kiosk.get().shell().wizard() == null ? null : kiosk.get().shell().wizard().ticket();
    }

    FxRobot fx() {
        return robot;
    }
}
