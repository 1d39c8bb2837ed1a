package org.opensspr.console;

import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.UserDetailDto;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.secinfo.QuestionAnswer;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestPeople;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.SharedServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's example: two methods required, office phone and security questions only; the admin drops the
 * questions and adds mobile phone and email. Users without those numbers or addresses can no longer reset —
 * the preview names exactly them before anything is saved.
 */
@SharedServer
@ExtendWith(ApplicationExtension.class)
class ImpactPreviewTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @BeforeAll
    static void aPolicyOfOfficePhoneAndQuestionsAndThreePeople() {
        var policies = server.server().policies();
        SsprPolicy original = policies.currentPolicy().withScope(ScopePolicy.all()).withMethods(new MethodsPolicy(
                EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.SECURITY_QUESTIONS), 2, 2, SecurityQuestionsPolicy.defaults()));
        policies.update(policies.current().version(), original, "test");
        person("office.questions@contoso.example", "", "", "+1 425 555 0100"); // loses the questions: can't reset
        person("office.questions.mobile@contoso.example", "", "+1 425 555 0101", "+1 425 555 0102");
        person("office.questions.email@contoso.example", "oq@fabrikam.example", "", "+1 425 555 0103");
    }

    private static void person(String upn, String email, String mobile, String office) {
        UserDetailDto user = TestPeople.cloudUser(server, upn, "Harbour-Lantern-Kiosk-93", false);
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest(email, mobile, office));
        var questions = server.server().policies().currentPolicy().methods().securityQuestions();
        server.server().database().inTransactionDo(tx -> server.server().securityAnswers().register(tx, user.id(),
                List.of(new QuestionAnswer("FIRST_PET", "Rex the dog"), new QuestionAnswer("FAVORITE_FOOD", "Pho"),
                        new QuestionAnswer("CHILDHOOD_HERO", "Ada Lovelace")), questions));
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void droppingSecurityQuestionsListsTheUsersWhoCanNoLongerResetBeforeSaving(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("methods");
        int before = server.server().policies().current().version();
        console.click("#method-SECURITY_QUESTIONS");
        console.click("#method-MOBILE_PHONE");
        console.click("#method-EMAIL");
        robot.interact(() -> robot.lookup("#requiredToRegister").queryAs(javafx.scene.control.ComboBox.class).setValue(2));
        console.saveAndPreview();

        @SuppressWarnings("unchecked")
        ListView<ImpactedUserDto> unable = robot.lookup("#impact-unableToReset").queryAs(ListView.class);
        assertThat(unable.getItems()).extracting(ImpactedUserDto::userPrincipalName)
                .containsExactly("office.questions@contoso.example");
        assertThat(robot.lookup("#impact-outOfScope").queryAs(ListView.class).getItems()).isEmpty();
        assertThat(server.server().policies().current().version()).isEqualTo(before); // nothing saved yet

        robot.clickOn("Go back");
        console.waitIdle();
        assertThat(console.text("#saveStatus")).isEqualTo("Nothing was saved.");
        assertThat(server.server().policies().current().version()).isEqualTo(before);

        console.saveAndPreview();
        robot.clickOn("Save anyway");
        console.waitIdle();
        assertThat(server.server().policies().current().version()).isEqualTo(before + 1);
        assertThat(server.server().policies().currentPolicy().methods().enabled())
                .containsExactlyInAnyOrder(AuthMethod.OFFICE_PHONE, AuthMethod.MOBILE_PHONE, AuthMethod.EMAIL);
    }

    @Test
    void aChangeThatAffectsNobodyIsSavedWithoutAsking(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("notifications");
        int before = server.server().policies().current().version();
        console.click("#notifications-users-no");
        console.saveAndPreview();
        assertThat(robot.lookup("#impactDialog").tryQuery()).isEmpty();
        assertThat(server.server().policies().current().version()).isEqualTo(before + 1);
    }
}
