package org.opensspr.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.ui.a11y.EnterActivatesFocusedButton;
import org.opensspr.ui.wizard.StepHost;
import org.opensspr.ui.wizard.WizardStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The step host shows one step at a time, in the order hide-old, show-new, focus; Enter follows a focused link. */
@ExtendWith(ApplicationExtension.class)
class StepHostTest {
    private final List<String> events = new ArrayList<>();
    private StepHost host;
    private Hyperlink link;

    private final class Recording implements WizardStep {
        private final String name;
        private final TextField field = new TextField();

        Recording(String name) {
            this.name = name;
            field.setAccessibleText(name);
        }

        @Override
        public Node view() {
            return field;
        }

        @Override
        public void onShow() {
            events.add("show " + name);
        }

        @Override
        public void onHide() {
            events.add("hide " + name);
        }

        @Override
        public Node initialFocus() {
            return field;
        }
    }

    @Start
    void start(Stage stage) {
        host = new StepHost();
        link = new Hyperlink("Follow");
        link.setOnAction(e -> events.add("followed"));
        Scene scene = new Scene(new VBox(host, link), 300, 200);
        EnterActivatesFocusedButton.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void hidesTheOldStepBeforeShowingTheNewOneAndFocusesIt(FxRobot robot) {
        Recording first = new Recording("first");
        Recording second = new Recording("second");
        robot.interact(() -> host.show(first));
        robot.interact(() -> host.show(second));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(events).containsExactly("show first", "hide first", "show second");
        assertThat(host.getChildren()).containsExactly(second.view());
        assertThat(second.field.isFocused()).isTrue();

        robot.interact(host::clear);
        assertThat(events).endsWith("hide second");
        assertThat(host.getChildren()).isEmpty();
    }

    @Test
    void enterFollowsTheFocusedLink(FxRobot robot) {
        robot.interact(link::requestFocus);
        robot.type(KeyCode.ENTER);
        assertThat(events).containsExactly("followed");
    }
}
