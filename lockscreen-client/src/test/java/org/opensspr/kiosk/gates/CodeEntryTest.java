package org.opensspr.kiosk.gates;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod;
import org.opensspr.ui.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The code field takes the length the challenge says, whatever the method's usual one. */
@ExtendWith(ApplicationExtension.class)
class CodeEntryTest {
    private final I18n i18n = new I18n(Language.ENGLISH);
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void theChallengesLengthWinsOverTheUsualOne(FxRobot fx) throws Exception {
        CodeEntry entry = shown(new ChallengeDto(AuthMethod.EMAIL, "a•••@example.org", CodeFormat.digits(4),
                List.of(), null, null), CodeFormat.digits(8));

        fx.write("12a3", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entry.prove()).as("three digits; the letter dropped").isEqualTo(new StepOutcome.Invalid("gates.code.tooShort"));
        assertThat(entry.complete().get()).isFalse();
        fx.write("4567", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entry.field().getText()).isEqualTo("1234");
        assertThat(entry.complete().get()).isTrue();
        assertThat(entry.prove()).isInstanceOf(StepOutcome.Call.class);
        assertThat(entry.field().getAccessibleHelp()).isEqualTo("4 digits");
    }

    @Test
    void aChallengeThatDoesntSayGetsTheUsualLength(FxRobot fx) throws Exception {
        CodeEntry entry = shown(new ChallengeDto(AuthMethod.EMAIL, "a•••@example.org", null, List.of(), null,
                null), CodeFormat.digits(8));

        assertThat(entry.prove()).isEqualTo(new StepOutcome.Invalid("gates.code.required"));
        fx.write("1234567890", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entry.field().getText()).isEqualTo("12345678");
        assertThat(entry.length()).isEqualTo(8);
    }

    /** The field on screen with the focus, built on the FX thread as a step builds it. */
    private CodeEntry shown(ChallengeDto challenge, CodeFormat usual) throws Exception {
        CodeEntry entry = WaitForAsyncUtils.asyncFx(() -> {
            CodeEntry built = new CodeEntry(i18n, challenge, usual);
            root.getChildren().setAll(built.view());
            built.field().requestFocus();
            return built;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return entry;
    }
}
