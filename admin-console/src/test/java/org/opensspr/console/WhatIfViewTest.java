package org.opensspr.console;

import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.support.Snapshots;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.WhatIfDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.whatif.WhatIfView;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.directory.ListQuery;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.deadend.DeadEndWords;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the What-if view shows agrees with what the kiosk actually answers, for every demo person. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class WhatIfViewTest {
    /** What the kiosk says at a dead end, read straight from the bundle the kiosk shows. */
    private static final Properties KIOSK_WORDS = kioskWords();
    private static InProcessServer server;
    private static List<String> people;
    private ConsoleDriver console;

    @BeforeAll
    static void listTheDemoPeople() {
        people = server.server().directory().listUsers(ListQuery.of("", "upn", 0, 200, List.of("upn", "displayName", "createdAt")))
                .items().stream().map(u -> u.userPrincipalName()).toList();
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void forEveryDemoPersonTheViewAgreesWithTheKiosksRealAnswer(FxRobot robot) {
        assertThat(people).hasSizeGreaterThanOrEqualTo(20);
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        console.open("whatif");
        WhatIfView view = console.find(WhatIfView.class);
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();

        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            for (String upn : people) {
                WhatIfDto shown = pick(robot, view, upn);
                FlowStep actual = kioskAnswer(kiosk, upn, FlowIntent.RESET_PASSWORD);
                assertThat(shown.firstStep()).as(upn).isEqualTo(actual);
                assertShows(upn, actual, "reset their password");
                if (upn.startsWith("christie.cline")) {
                    assertThat(console.text("#whatIfReason")).contains("disabled");
                    console.snapshots("whatif-deadend");
                }
                if (upn.startsWith("megan.bowen")) {
                    assertThat(console.text("#whatIfGates")).startsWith("2 gates");
                    console.snapshots("whatif-eligible");
                }
            }

            WhatIfDto unlocking = pick(robot, view, "grady.archie@contoso.example");
            console.click("#intent-UNLOCK_ACCOUNT");
            unlocking = view.model().resultProperty().get();
            assertThat(view.model().resultIntentProperty().get()).isEqualTo(FlowIntent.UNLOCK_ACCOUNT);
            FlowStep actual = kioskAnswer(kiosk, "grady.archie@contoso.example", FlowIntent.UNLOCK_ACCOUNT);
            assertThat(unlocking.firstStep()).isEqualTo(actual);
            assertShows("grady.archie@contoso.example", actual, "unlock their account");
        }
    }

    @Test
    void aReportsReaderCantLookUpUsersAndIsToldWhy(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("whatif");

        assertThat(console.text("#whatIfReadOnly")).contains("Reports Reader").contains("can't look up users");
        assertThat(robot.lookup("#whatIfSearch").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#whatIfUsers").query().isDisabled()).isTrue();
        assertThat(console.find(WhatIfView.class).model().users()).isEmpty();
        assertThat(console.text("#whatIfVerdict")).isEqualTo("Choose a user above.");
        assertThat(AccessibleTextAudit.unnamedControls(console.find(WhatIfView.class))).isEmpty();
    }

    private boolean typedOnce;

    /** Finds {@code upn} by typing it, selects it in the list, and returns the answer the view shows. */
    private WhatIfDto pick(FxRobot robot, WhatIfView view, String upn) {
        if (typedOnce) { // typing is tried once; after that the text is put in, as a paste would, to save minutes
            javafx.scene.control.TextField search = robot.lookup("#whatIfSearch").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> search.setText(upn));
            robot.clickOn(search);
        } else {
            console.type("#whatIfSearch", upn);
            typedOnce = true;
        }
        robot.type(KeyCode.ENTER);
        console.waitIdle();
        assertThat(view.model().users()).as("found by " + upn).extracting(u -> u.userPrincipalName()).contains(upn);
        java.util.function.Supplier<java.util.Optional<Node>> cellOf = () -> robot.lookup("#whatIfUsers .list-cell")
                .match((Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().contains(" — " + upn + " "))
                .tryQuery();
        javafx.scene.control.ListView<?> list = robot.lookup("#whatIfUsers").queryAs(javafx.scene.control.ListView.class);
        try { // the list's cells show new items at the next pulse; scroll to the row as a person would
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
                robot.interact(() -> list.getItems().stream()
                        .filter(item -> item.toString().contains(upn)).findFirst().ifPresent(item -> {
                            int index = list.getItems().indexOf(item);
                            list.scrollTo(index);
                        }));
                return cellOf.get().isPresent();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(upn + " not among " + robot.lookup("#whatIfUsers .list-cell")
                    .queryAllAs(Labeled.class).stream().map(Labeled::getText).toList(), e);
        }
        Node cell = cellOf.get().orElseThrow();
        robot.clickOn(cell);
        console.waitIdle();
        assertThat(view.model().userProperty().get().userPrincipalName()).isEqualTo(upn);
        return view.model().resultProperty().get();
    }

    private static FlowStep kioskAnswer(OpenSsprClient kiosk, String upn, FlowIntent intent) {
        FlowResponse started = kiosk.startFlow(new StartFlowRequest(intent, "en-US"));
        FlowResponse identified = kiosk.identify(new IdentifyRequest(started.ticket(), upn,
                started.captcha().captchaId(), "OPENSSPR"));
        return identified.step();
    }

    /** The words on screen say what the kiosk did: dead end with its message, or the gates and methods it offered. */
    private void assertShows(String upn, FlowStep actual, String action) {
        ConsoleContext texts = console.context();
        switch (actual) {
            case FlowStep.DeadEnd dead -> {
                assertThat(console.text("#whatIfVerdict")).as(upn).endsWith(" can't " + action + " at the kiosk.");
                String key = DeadEndWords.messageKey(dead.reason());
                assertThat(console.text("#whatIfMessageTitle")).as(upn + ": the kiosk's own words")
                        .isEqualTo(KIOSK_WORDS.getProperty(key + ".title"));
                assertThat(console.text("#whatIfMessage")).as(upn).isEqualTo(KIOSK_WORDS.getProperty(key + ".text"));
                assertThat(console.text("#whatIfHelpdesk")).as(upn)
                        .isEqualTo(KIOSK_WORDS.getProperty("helpdesk.link").replace("{0}", server.server().policies().currentPolicy().customization().helpdeskEmailOrUrl()));
                assertThat(console.text("#whatIfGates")).as(upn).startsWith("None");
                assertThat(robot().lookup("#whatIfMessage").query().getParent().isVisible()).isTrue();
            }
            case FlowStep.ChooseMethod choose -> {
                assertThat(console.text("#whatIfVerdict")).as(upn).endsWith(" can " + action + " at the kiosk.");
                assertThat(console.text("#whatIfGates")).as(upn).isEqualTo(texts.text("whatif.gates", choose.gatesRequired()));
                assertThat(console.text("#whatIfMethods")).as(upn).isEqualTo("For gate 1: " + choose.options().stream()
                        .map(m -> texts.text("method." + m.name())).collect(Collectors.joining(", ")));
                assertThat(console.text("#whatIfReason")).as(upn).isEqualTo(texts.text("whatif.reason.ELIGIBLE"));
                assertThat(robot().lookup("#whatIfMessage").query().getParent().isVisible()).isFalse();
            }
            default -> throw new AssertionError(upn + ": the kiosk answered " + actual);
        }
    }

    private static Properties kioskWords() {
        Properties words = new Properties();
        try (InputStream in = WhatIfViewTest.class.getResourceAsStream("/org/opensspr/ui/deadend/deadends.properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static FxRobot robot() {
        return new FxRobot();
    }
}
