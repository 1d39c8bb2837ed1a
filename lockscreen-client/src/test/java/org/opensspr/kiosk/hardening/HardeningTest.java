package org.opensspr.kiosk.hardening;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.KioskTestAccess;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Full screen without a way out but the admin chord and PIN; five wrong PINs close the door for a while. */
@ExtendWith(ApplicationExtension.class)
class HardeningTest {
    private KioskTestAccess kiosk;

    @Start
    void start(Stage stage) {
        kiosk = KioskTestAccess.offline(stage);
    }

    @AfterEach
    void close() {
        kiosk.close();
    }

    @Test
    void theChordAndTheRightPinLeaveTheKiosk(FxRobot fx) {
        chord(fx);
        assertThat(fx.lookup("#adminExitPrompt").tryQuery()).isPresent();
        assertThat(AccessibleTextAudit.unnamedControls(kiosk.root())).isEmpty();
        fx.write("111111", 0).type(KeyCode.ENTER);
        assertThat(fx.lookup("#adminPinMessage").queryLabeled().getText()).isEqualTo("That PIN isn't right.");
        assertThat(kiosk.exits()).isZero();

        fx.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.lookup("#adminExitPrompt").tryQuery()).as("Escape closes the prompt").isEmpty();

        chord(fx);
        fx.write(KioskTestAccess.PIN, 0).clickOn("#adminExit");
        assertThat(kiosk.exits()).isEqualTo(1);
    }

    @Test
    void fiveWrongPinsCloseThePromptForAWhile(FxRobot fx) {
        chord(fx);
        for (int i = 0; i < 5; i++) {
            fx.write("00000" + i, 0).type(KeyCode.ENTER);
        }
        assertThat(fx.lookup("#adminExitPrompt").tryQuery()).isEmpty();
        chord(fx);
        assertThat(fx.lookup("#adminExitPrompt").tryQuery()).as("locked for five minutes").isEmpty();
        assertThat(kiosk.exits()).isZero();
    }

    @Test
    void theWindowIsFullScreenWithoutChromeOrExits(FxRobot fx) {
        AtomicReference<Stage> window = new AtomicReference<>();
        fx.interact(() -> {
            Stage stage = new Stage();
            KioskWindow.harden(stage, false);
            window.set(stage);
        });
        Stage stage = window.get();
        assertThat(stage.getStyle()).isEqualTo(StageStyle.UNDECORATED);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(stage.getFullScreenExitHint()).isEmpty();
        WindowEvent close = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        stage.getOnCloseRequest().handle(close);
        assertThat(close.isConsumed()).as("Alt+F4 and the like are refused").isTrue();
    }

    private void chord(FxRobot fx) {
        fx.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.X).release(KeyCode.X, KeyCode.SHIFT, KeyCode.ALT,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
