package org.opensspr.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ErrorCode;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.kiosk.gates.ChooseMethodStep;
import org.opensspr.kiosk.gates.CodeSentGate;
import org.opensspr.kiosk.gates.NotificationGate;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app notification gate against the real demo server (two gates required, so the notification is offered):
 * the number to tap, answered from the outbox's PUSH message as the phone would (POST to its answer URL). The
 * kiosk polls on a countdown the test runs out, so no test waits for real time: a poll that finds no answer
 * keeps the screen, an approval moves on, a denial or the wrong number offers another notification and the way
 * back; "I can't use my app now" and idle time stop the polling.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationGateTest {
    private static final String ADELE = DemoServer.upn("adele.vance");
    private static final String NESTOR = DemoServer.upn("nestor.wilke");
    private static DemoServer server;
    private final ManualCountdown poll = new ManualCountdown();
    private final ManualCountdown idle = new ManualCountdown();
    private TestKiosk kiosk;
    private KioskRobot robot;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        kiosk = TestKiosk.on(stage).server(server.url()).branding(TestKiosk.CONTOSO.withoutUnlock())
                .clock(server.clock())
                .poll(poll).idle(idle).show();
    }

    /**
     * Notifications sent and answered count towards an hourly limit (5): each test starts a new hour on the
     * server's clock, which the kiosk's follows, so the tests don't add up to a block.
     */
    @BeforeEach
    void twoGatesInANewHour() {
        server.requireGates(2);
        server.advanceClock(Duration.ofHours(1));
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void tapTheNumberShownThenTheSecondGate(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(ADELE).identify(ADELE);
        assertThat(robot.text("#method-MOBILE_APP_NOTIFICATION")).isEqualTo("Approve a notification on my authenticator app");
        robot.choose("MOBILE_APP_NOTIFICATION");

        NotificationGate gate = robot.step(NotificationGate.class);
        assertThat(gate.waiting()).isTrue();
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 1 of 2");
        assertThat(robot.text("#stepIntro")).isEqualTo("Open your Authenticator app and tap the number shown to sign in");
        String number = robot.text("#matchNumber");
        assertThat(number).matches("\\d\\d");
        assertThat(robot.text("#pushExpires")).matches("The request expires in \\d:\\d\\d\\.");
        assertThat(robot.text("#cantUseApp")).isEqualTo("I can't use my app now");
        assertThat(robot.text("#wizardNext")).isEqualTo("I've approved it");
        robot.assertEveryControlNamed();
        JsonNode push = server.newestPush();
        assertThat(push.path("choices")).extracting(JsonNode::asText).contains(number);
        assertThat(poll.running()).as("waiting: polling").isTrue();

        poll.runOut();
        robot.settle();
        assertThat(robot.step()).as("not answered yet: the same screen, not a new one").isSameAs(gate);
        assertThat(robot.text("#wizardMessage")).isEmpty();
        assertThat(poll.running()).as("asks again later").isTrue();

        robot.next(); // "I've approved it" before approving: the server says it still waits
        gate = robot.step(NotificationGate.class);
        assertThat(gate.waiting()).isTrue();
        assertThat(robot.text("#wizardMessage")).isEqualTo("We're still waiting for you to approve the request in your app.");

        assertThat(server.answerPush(push, number)).isBetween(200, 299);
        poll.runOut();
        robot.settle();
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 2 of 2");
        assertThat(poll.running()).as("the gate left: no more polls").isFalse();
        robot.choose("EMAIL");
        robot.step(CodeSentGate.class);
        robot.enterCode(server.emailedCode(DemoServer.alternateEmail("adele.vance")));
        robot.step(NewPasswordStep.class);
    }

    @Test
    void deniedOrTheWrongNumberOffersAnotherNotificationAndTheWayBack(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(NESTOR).identify(NESTOR).choose("MOBILE_APP_NOTIFICATION");
        robot.step(NotificationGate.class);
        JsonNode first = server.newestPush();
        assertThat(server.answerPush(first, "DENY")).isBetween(200, 299);
        poll.runOut();
        robot.settle();

        NotificationGate gate = robot.step(NotificationGate.class);
        assertThat(gate.waiting()).as("denied: no longer waiting").isFalse();
        assertThat(robot.text("#wizardMessage")).isEqualTo("The request was denied in your app.");
        assertThat(robot.showing("#matchNumber")).isFalse();
        assertThat(robot.text("#wizardNext")).isEqualTo("Send another notification");
        assertThat(robot.showing("#cantUseApp")).isTrue();
        assertThat(poll.running()).isFalse();
        robot.assertEveryControlNamed();

        robot.next(); // send another
        gate = robot.step(NotificationGate.class);
        assertThat(gate.waiting()).isTrue();
        assertThat(robot.text("#wizardMessage")).isEqualTo("We sent a new notification to your app. Tap the number shown here.");
        JsonNode second = server.newestPush();
        assertThat(second.path("answerUrl").asText()).isNotEqualTo(first.path("answerUrl").asText());
        String number = robot.text("#matchNumber");
        List<String> others = new ArrayList<>();
        second.path("choices").forEach(choice -> {
            if (!choice.asText().equals(number)) {
                others.add(choice.asText());
            }
        });
        assertThat(others).isNotEmpty();
        assertThat(server.answerPush(second, others.getFirst())).isBetween(200, 299);
        poll.runOut();
        robot.settle();
        assertThat(robot.step(NotificationGate.class).waiting()).isFalse();
        assertThat(robot.text("#wizardMessage")).isEqualTo("The number you tapped in your app isn't the one shown here.");

        robot.click("#cantUseApp");
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 1 of 2");
    }

    @Test
    void iCantUseMyAppNowStopsWaitingAndGoesBackToTheChoice(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(ADELE).identify(ADELE).choose("MOBILE_APP_NOTIFICATION");
        robot.step(NotificationGate.class);
        robot.click("#cantUseApp");
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 1 of 2");
        assertThat(poll.running()).isFalse();

        robot.choose("MOBILE_APP_CODE").enterCode(server.totp());
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 2 of 2");
    }

    /**
     * "I can't use my app now" while a poll is under way: the ticket is out with the poll, so the request waits
     * for the one the poll brings back (sent with the same ticket, one of the two would be refused as spent).
     */
    @Test
    void aClickDuringAPollGoesWithTheTicketThePollBringsBack(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(ADELE).identify(ADELE).choose("MOBILE_APP_NOTIFICATION");
        robot.step(NotificationGate.class);
        Hyperlink cantUse = fx.lookup("#cantUseApp").queryAs(Hyperlink.class);
        poll.runOutAnd(() -> {
            assertThat(kiosk.shell().wizard().pollingProperty().get()).as("the poll is out").isTrue();
            cantUse.fire();
        });
        robot.settle();
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verification step 1 of 2");
        assertThat(poll.running()).isFalse();
    }

    /** Walking away mid-wait: idle time ends the flow and the polling; the flow's ticket is worthless. */
    @Test
    void idleTimeStopsThePolling(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(ADELE).identify(ADELE).choose("MOBILE_APP_NOTIFICATION");
        FlowStepView gate = robot.step(NotificationGate.class);
        assertThat(gate).isNotNull();
        String ticket = robot.ticket();
        poll.runOut();
        robot.settle();
        String afterPoll = robot.ticket();
        assertThat(afterPoll).as("each answer carries a new ticket").isNotEqualTo(ticket);

        idle.runOut();
        robot.settle();
        assertThat(robot.showing("#signIn")).isTrue();
        assertThat(poll.running()).isFalse();
        assertThatThrownBy(() -> kiosk.client.prove(new org.opensspr.api.ProveRequest(afterPoll, null, java.util.Map.of())))
                .isInstanceOfSatisfying(OpenSsprApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FLOW_EXPIRED));
    }
}
