package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.GroupDto;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.testing.SharedServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Each policy pane: load → edit → an invalid value shows the validator's reason → fix → save → reload shows it. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class PolicyPanesTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    private static SsprPolicy stored() {
        return server.server().policies().current().policy();
    }

    private static int version() {
        return server.server().policies().current().version();
    }

    @Test
    void propertiesNeedsAGroupWhenSelectedAndCountsTheChosenGroups(FxRobot robot) throws TimeoutException {
        AdminEnrollment admin = console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("properties");
        ListView<?> selected = robot.lookup("#selectedGroups").queryAs(ListView.class);
        robot.interact(() -> selected.getItems().clear());
        console.click("#scope-SELECTED");
        int before = version();
        console.save();
        assertThat(console.visibleErrors()).anyMatch(e -> e.contains("Select at least one group"));
        assertThat(version()).isEqualTo(before);

        console.type("#groupSearch", "sspr pilot w");
        // The search runs once typing pauses: wait for its answer (only groups named "SSPR pilot w…"), not for a time.
        ListView<GroupDto> results = robot.lookup("#groupResults").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !results.getItems().isEmpty()
                && results.getItems().stream().allMatch(group -> group.name().toLowerCase().contains("wave")));
        Supplier<Optional<Node>> waveTwo = () -> robot.lookup("#groupResults .list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("SSPR pilot wave 2"))
                .tryQuery();
        console.click(waveTwo.get().orElseThrow());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#addGroup").query().isDisabled());
        console.click("#addGroup");
        assertThat(selected.getItems()).as("the chosen group").hasSize(1);
        console.type("#kioskNetworks", "10.20.0.0/33");
        console.save();
        assertThat(console.visibleErrors()).anyMatch(e -> e.contains("10.20.0.0/33"));
        console.type("#kioskNetworks", "10.20.0.0/16");
        console.save();

        assertThat(console.visibleErrors()).isEmpty();
        assertThat(stored().scope().scope()).isEqualTo(SsprScope.SELECTED);
        assertThat(stored().scope().groupIds()).hasSize(1);
        assertThat(stored().kioskNetworks().allowedCidrs()).containsExactly("10.20.0.0/16");
        console.signOutAndIn(admin);
        console.open("properties");
        assertThat(robot.lookup("#selectedGroups .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .anyMatch(c -> c.getText() != null && c.getText().startsWith("SSPR pilot wave 2 — 3 members"));
        assertThat(console.text("#kioskNetworks")).isEqualTo("10.20.0.0/16");
    }

    @Test
    void methodsRefuseFewerToRegisterThanToResetAndAShortCustomQuestion(FxRobot robot) {
        AdminEnrollment admin = console.signInAs(Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        console.open("methods");
        int before = version();
        robot.interact(() -> {
            robot.lookup("#requiredToReset").queryAs(ComboBox.class).setValue(2);
            robot.lookup("#requiredToRegister").queryAs(ComboBox.class).setValue(1);
        });
        robot.clickOn("#method-SECURITY_QUESTIONS");
        if (!robot.lookup("#method-SECURITY_QUESTIONS").queryAs(CheckBox.class).isSelected()) {
            robot.clickOn("#method-SECURITY_QUESTIONS");
        }
        console.type("#newCustomQuestion", "Hi");
        console.click("#addCustomQuestion");
        console.save();
        assertThat(console.visibleErrors())
                .anyMatch(e -> e.contains("3 to 200 characters"))
                .anyMatch(e -> e.toLowerCase().contains("register"));
        assertThat(version()).isEqualTo(before);

        console.click(robot.lookup("#customQuestions .list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "Hi".equals(c.getText())).<javafx.scene.Node>query());
        console.click("#removeCustomQuestion");
        console.type("#newCustomQuestion", "What was the name of your first team lead?");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#requiredToRegister").queryAs(ComboBox.class).setValue(3));
        console.save();

        assertThat(console.visibleErrors()).isEmpty();
        assertThat(version()).isEqualTo(before + 1);
        assertThat(stored().methods().requiredToReset()).isEqualTo(2);
        assertThat(stored().methods().requiredToRegister()).isEqualTo(3);
        assertThat(stored().methods().isEnabled(AuthMethod.SECURITY_QUESTIONS)).isTrue();
        assertThat(stored().methods().securityQuestions().custom()).singleElement()
                .satisfies(q -> assertThat(q.text()).isEqualTo("What was the name of your first team lead?"));
        console.signOutAndIn(admin);
        console.open("methods");
        assertThat(robot.lookup("#requiredToReset").queryAs(ComboBox.class).getValue()).isEqualTo(2);
        assertThat(robot.lookup("#customQuestions").queryAs(ListView.class).getItems()).hasSize(1);
    }

    @Test
    void theDefaultPhoneCountryIsSetWhereThePhonesAreAndOnlyWhileAPhoneIsOffered(FxRobot robot) {
        AdminEnrollment admin = console.signInAs(Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        console.open("methods");
        ComboBox<String> region = robot.lookup("#phoneRegion").queryAs(ComboBox.class);
        assertThat(region.getParent().isVisible()).as("the demo policy offers phones").isTrue();
        assertThat(region.getConverter().toString(region.getValue())).isEqualTo("United States (US)");
        assertThat(region.getConverter().toString("")).startsWith("None");
        int before = version();
        robot.interact(() -> region.setValue("CH"));
        console.save();
        assertThat(console.visibleErrors()).isEmpty();
        assertThat(version()).isEqualTo(before + 1);
        assertThat(stored().methods().phoneRegion()).isEqualTo("CH");

        console.signOutAndIn(admin);
        console.open("methods");
        ComboBox<String> reloaded = robot.lookup("#phoneRegion").queryAs(ComboBox.class);
        assertThat(reloaded.getConverter().toString(reloaded.getValue())).endsWith("(CH)");
        robot.clickOn("#method-MOBILE_PHONE");
        robot.clickOn("#method-OFFICE_PHONE");
        assertThat(robot.lookup("#method-MOBILE_PHONE").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#method-OFFICE_PHONE").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(reloaded.getParent().isVisible()).as("no phone offered, no country asked").isFalse();
    }

    @Test
    void registrationReconfirmIsDisabledWhileRegistrationIsNotRequired(FxRobot robot) {
        AdminEnrollment admin = console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("registration");
        console.click("#registration-require-no");
        assertThat(robot.lookup("#reconfirmDays").queryAs(TextField.class).isDisabled()).isTrue();
        console.click("#registration-require-yes");
        console.type("#reconfirmDays", "ninety");
        console.save();
        assertThat(console.visibleErrors()).contains("Enter a whole number of days from 0 to 730.");
        console.type("#reconfirmDays", "0");
        console.save();
        assertThat(stored().registration().reconfirmDays()).isZero();
        console.signOutAndIn(admin);
        console.open("registration");
        assertThat(console.text("#reconfirmDays")).isEqualTo("0");
    }

    @Test
    void onPremisesWarnsWhenWritebackIsOnButTheServerHasNoDirectory(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("onprem");
        console.waitIdle();

        assertThat(stored().onPremises().writebackEnabled()).as("the demo's policy").isTrue();
        assertThat(console.text("#onpremStatus")).startsWith("This server has no on-premises directory configured");
        assertThat(robot.lookup("#onpremNotConfigured").queryAs(javafx.scene.control.Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#onpremTestButton").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        console.snapshots("onprem-no-directory");
        console.click("#onprem-writeback-no");
        assertThat(robot.lookup("#onpremNotConfigured").queryAs(javafx.scene.control.Label.class).isVisible())
                .as("no warning once writeback is off, saved or not").isFalse();
        console.click("#onprem-writeback-yes");
    }

    @Test
    void notificationsOnPremisesAndAdministratorSwitchesAreStoredAndReloaded(FxRobot robot) {
        AdminEnrollment admin = console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("notifications");
        console.click("#notifications-users-no");
        console.click("#notifications-admins-no");
        console.open("onprem");
        console.click("#onprem-writeback-no");
        assertThat(robot.lookup("#onprem-unlock-yes").queryAs(javafx.scene.control.RadioButton.class).isDisabled()).isTrue();
        console.open("admins");
        console.click("#admins-selfService-no");
        assertThat(console.text("#saveStatus")).doesNotContain("Saved");
        console.save();

        assertThat(stored().notifications().notifyUsersOnReset()).isFalse();
        assertThat(stored().notifications().notifyAdminsOnAdminReset()).isFalse();
        assertThat(stored().onPremises().writebackEnabled()).isFalse();
        assertThat(stored().administrators().selfServiceEnabled()).isFalse();
        console.signOutAndIn(admin);
        console.open("admins");
        assertThat(robot.lookup("#admins-selfService-no").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        console.open("onprem");
        assertThat(robot.lookup("#onprem-writeback-no").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        // back to the demo's values for the other tests
        console.click("#onprem-writeback-yes");
        console.open("notifications");
        console.click("#notifications-users-yes");
        console.click("#notifications-admins-yes");
        console.open("admins");
        console.click("#admins-selfService-yes");
        console.save();
        assertThat(stored().onPremises().writebackEnabled()).isTrue();
    }

    @Test
    void noPaneSavesWhileAnotherIsInvalid(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("notifications");
        boolean notify = stored().notifications().notifyUsersOnReset();
        robot.clickOn(notify ? "#notifications-users-no" : "#notifications-users-yes");
        console.open("registration");
        console.type("#reconfirmDays", "731");
        console.open("notifications");
        int before = version();
        console.save();

        assertThat(version()).isEqualTo(before);
        assertThat(stored().notifications().notifyUsersOnReset()).isEqualTo(notify);
        assertThat(console.text("#saveStatus")).contains("Nothing was saved").contains("Registration");
        assertThat(console.visibleErrors()).anyMatch(e -> e.contains("730")); // the console moved to the invalid pane

        console.type("#reconfirmDays", "90");
        console.save();
        assertThat(version()).isEqualTo(before + 1);
        assertThat(stored().notifications().notifyUsersOnReset()).isEqualTo(!notify);
        assertThat(stored().registration().reconfirmDays()).isEqualTo(90);
    }
}
