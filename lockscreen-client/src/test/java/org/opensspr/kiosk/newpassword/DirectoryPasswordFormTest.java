package org.opensspr.kiosk.newpassword;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.DirectoryPolicyDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.password.DirectoryPasswordPolicy;
import org.opensspr.ui.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-password form for an on-premises user, whatever the directory's policy has (ADR 25): a policy
 * that couldn't be read shows only "the directory decides" and holds nothing back; an OpenLDAP policy
 * shows its length range; a minimum age is a line in days or hours.
 */
@ExtendWith(ApplicationExtension.class)
class DirectoryPasswordFormTest {
    private final I18n i18n = new I18n(Language.ENGLISH);
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @Test
    void anUnreadablePolicyShowsOnlyThatTheDirectoryDecidesAndHoldsNothingBack(FxRobot fx) {
        PasswordForm form = show(fx, DirectoryPolicyDto.unreadable());

        assertThat(text(fx, "#ruleDirectoryDecides")).startsWith("Your organization's directory decides which passwords");
        assertThat(fx.lookup("#ruleLength").tryQuery()).isEmpty();
        assertThat(fx.lookup("#ruleComplexity").tryQuery()).isEmpty();
        assertThat(fx.lookup("#passwordStrength").tryQuery()).isEmpty();
        fx.clickOn("#newPassword").write("a");
        fx.clickOn("#confirmPassword").write("a");
        assertThat(form.problem()).isEmpty();
    }

    @Test
    void anOpenLdapPolicyShowsItsLengthRangeAndHistoryAndTicksTheLength(FxRobot fx) {
        PasswordForm form = show(fx, DirectoryPolicyDto.of(new DirectoryPasswordPolicy(
                DirectoryPasswordPolicy.Source.PPOLICY, 10, 64, false, 5, Duration.ofHours(6).toSeconds(), 0)));

        assertThat(text(fx, "#ruleLength")).isEqualTo("10 to 64 characters");
        assertThat(text(fx, "#ruleHistory")).startsWith("Not one of your last 5 passwords");
        assertThat(text(fx, "#ruleMinAge")).isEqualTo("After this, you can change your password again in 6 hours");
        assertThat(fx.lookup("#ruleComplexity").tryQuery()).as("no complexity in ppolicy").isEmpty();
        fx.clickOn("#newPassword").write("harbour");
        fx.clickOn("#confirmPassword").write("harbour");
        assertThat(form.problem()).contains("newpassword.rulesNotMet");
        fx.interact(form::clear);
        fx.clickOn("#newPassword").write("harbourlamp");
        fx.clickOn("#confirmPassword").write("harbourlamp");
        assertThat(form.problem()).isEmpty();
    }

    @Test
    void aMinimumAgeOfDaysIsSaidInDays(FxRobot fx) {
        show(fx, DirectoryPolicyDto.of(new DirectoryPasswordPolicy(DirectoryPasswordPolicy.Source.FINE_GRAINED,
                12, 0, true, 0, Duration.ofDays(3).toSeconds(), 0)));

        assertThat(text(fx, "#ruleLength")).isEqualTo("At least 12 characters");
        assertThat(text(fx, "#ruleMinAge")).isEqualTo("After this, you can change your password again in 3 days");
        assertThat(fx.lookup("#ruleHistory").tryQuery()).isEmpty();
    }

    private PasswordForm show(FxRobot fx, DirectoryPolicyDto policy) {
        java.util.concurrent.atomic.AtomicReference<PasswordForm> form = new java.util.concurrent.atomic.AtomicReference<>();
        fx.interact(() -> {
            form.set(new PasswordForm(i18n, policy));
            root.getChildren().setAll(form.get().view());
            form.get().bind();
        });
        return form.get();
    }

    private static String text(FxRobot fx, String id) {
        return fx.lookup(id).queryAs(Labeled.class).getText();
    }
}
