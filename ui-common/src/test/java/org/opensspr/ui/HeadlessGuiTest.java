package org.opensspr.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The GUI test set-up works (headless in CI, on a display under xvfb-run) and the shared parts behave. */
@ExtendWith(ApplicationExtension.class)
class HeadlessGuiTest {
    private TextField named;
    private TextField unnamed;
    private Label result;

    @Start
    void start(Stage stage) {
        named = new TextField();
        unnamed = new TextField();
        result = new Label();
        Themes.apply(ThemeMode.DARK);
        Label label = new Label("Name");
        label.setLabelFor(named);
        unnamed.setId("unnamed");
        Button button = new Button("Copy");
        button.setOnAction(e -> result.setText(named.getText()));
        Scene scene = new Scene(new VBox(label, named, unnamed, button, result), 400, 300);
        Themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typingAndClickingReachTheControls(FxRobot robot) {
        robot.clickOn(named).write("Adele");
        robot.clickOn("Copy");
        assertThat(result.getText()).isEqualTo("Adele");
    }

    @Test
    void theAuditNamesEveryControlWithoutAccessibleText(FxRobot robot) {
        assertThat(AccessibleTextAudit.unnamedControls(named.getScene().getRoot()))
                .singleElement().asString().startsWith("TextField#unnamed");
        robot.interact(() -> unnamed.setAccessibleText("Second name"));
        assertThat(AccessibleTextAudit.unnamedControls(named.getScene().getRoot())).isEmpty();
    }

    @Test
    void backgroundWorkReportsOnTheFxThreadAndClearsBusy(FxRobot robot) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (Background background = new Background()) {
            robot.interact(() -> background.run(() -> "done",
                    value -> seen.set(value + (javafx.application.Platform.isFxApplicationThread() ? " on fx" : "")),
                    error -> seen.set("failed")));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.isBusy());
            assertThat(seen.get()).isEqualTo("done on fx");

            robot.interact(() -> background.run(() -> { throw new IllegalStateException("down"); },
                    value -> seen.set("ok"), error -> seen.set(error.getMessage())));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.isBusy());
            assertThat(seen.get()).isEqualTo("down");
        }
    }
}
