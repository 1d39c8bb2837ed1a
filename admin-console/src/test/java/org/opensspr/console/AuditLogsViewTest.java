package org.opensspr.console;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Json;
import org.opensspr.console.audit.AuditLogsView;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** The Audit logs view: a Reports Reader filters the log, reads an event whole, exports it; a tampered row is named. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class AuditLogsViewTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    /**
     * Three events by {@code user} at a kiosk: a flow step, a failed reset with its reason, and a success. Each test
     * names its own user: the server, and so its log, is shared by the tests.
     */
    private List<Long> kioskUserEvents(String user) {
        var log = server.server().auditLog();
        long progress = log.record(AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, user, user)
                .withKiosk("kiosk-reception-2").withDetails("{\"step\":\"IDENTIFY\",\"method\":\"EMAIL\"}"));
        long failed = log.record(AuditEntry.failure(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, user,
                "The new password is on the banned list").withKiosk("kiosk-reception-2"));
        long reset = log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, user)
                .withKiosk("kiosk-reception-2").withDetails("{\"writeback\":false}"));
        return List.of(progress, failed, reset);
    }

    @Test
    void aReportsReaderFiltersTheLogAndReadsAnEventWhole(FxRobot robot) {
        String user = "tomas.ferreira@contoso.example";
        List<Long> ids = kioskUserEvents(user);
        console.signInAs(Role.REPORTS_READER);
        console.open("audit");
        AuditLogsView view = console.find(AuditLogsView.class);
        TableView<AuditEventDto> table = view.table();
        assertThat(table.getItems()).isNotEmpty();
        assertThat(table.getItems().getFirst().id()).as("newest first").isGreaterThanOrEqualTo(ids.getLast());
        assertThat(console.text("#auditChainHeadline")).startsWith("Tamper evidence:");
        assertThat(console.text("#auditSiem")).as("this test server forwards to no SIEM")
                .startsWith("SIEM forwarding: off.");

        console.type("#auditActor", user.toUpperCase()); // any case
        robot.type(KeyCode.ENTER);
        console.waitIdle();
        assertThat(table.getItems()).extracting(AuditEventDto::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(console.text("#auditStatus")).isEqualTo("3 events");

        choose(robot, "#auditActivity", Optional.of(AuditActivity.RESET_PASSWORD_SELF_SERVICE));
        console.click("#auditApply");
        assertThat(table.getItems()).extracting(AuditEventDto::id).containsExactly(ids.get(2), ids.get(1));
        choose(robot, "#auditResult", Optional.of(AuditResult.FAILURE));
        console.click("#auditApply");
        assertThat(table.getItems()).extracting(AuditEventDto::id).containsExactly(ids.get(1));

        robot.interact(() -> table.getSelectionModel().select(0));
        console.waitIdle();
        assertThat(console.text("#auditDetailTitle")).isEqualTo("Reset password (self-service)");
        assertThat(console.text("#auditDetailReason")).isEqualTo("The new password is on the banned list");
        assertThat(console.text("#auditDetailKiosk")).isEqualTo("kiosk-reception-2");
        assertThat(console.text("#auditDetailResult")).isEqualTo("Failure");

        // Days in the administrator's zone, both ends included: the events' own day keeps them, the day before not.
        LocalDate day = LocalDate.ofInstant(table.getItems().getFirst().occurredAt(), ZoneId.systemDefault());
        choose(robot, "#auditResult", Optional.empty());
        setDays(robot, day, day);
        console.click("#auditApply");
        assertThat(table.getItems()).hasSize(2);
        setDays(robot, day.minusDays(3), day.minusDays(1));
        console.click("#auditApply");
        assertThat(table.getItems()).isEmpty();
        assertThat(console.text("#auditStatus")).isEqualTo("No event matches these filters.");

        console.click("#auditClear");
        assertThat(table.getItems().size()).isGreaterThan(3);
        assertThat(console.text("#auditActor")).isEmpty();
        int row = rowOf(table, ids.getFirst());
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        console.waitIdle();
        assertThat(console.text("#auditDetailDetails")).isEqualTo("{\"step\":\"IDENTIFY\",\"method\":\"EMAIL\"}");
        assertThat(robot.lookup("#auditDetailDetails").queryAs(javafx.scene.control.TextArea.class).isEditable()).isFalse();
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        console.snapshots("audit-logs");
    }

    @Test
    void theFilteredLogIsExportedAsJsonLinesAndACancelledOrFailedExportLeavesNoFile(FxRobot robot) throws Exception {
        String user = "ines.quiroga@contoso.example";
        List<Long> ids = kioskUserEvents(user);
        console.signInAs(Role.REPORTS_READER);
        console.open("audit");
        TextField actor = robot.lookup("#auditActor").queryAs(TextField.class);
        robot.interact(() -> actor.setText(user)); // as a paste would: typing is tried in the test above
        console.click("#auditApply");

        Path folder = Files.createTempDirectory("audit-export");
        Path file = folder.resolve("export.jsonl");
        console.click("#auditExport");
        assertThat(console.text("#auditExportFile")).matches(".*opensspr-audit-\\d{8}-\\d{6}\\.jsonl");
        robot.clickOn("#auditExportCsv");
        assertThat(console.text("#auditExportFile")).endsWith(".csv");
        robot.clickOn("#auditExportJsonl");
        TextField target = robot.lookup("#auditExportFile").queryAs(TextField.class);
        robot.interact(() -> target.setText(folder.resolve("missing-folder").resolve("export.jsonl").toString()));
        robot.clickOn(dialogButton(robot, "Export"));
        console.waitIdle();
        assertThat(console.text("#auditExportMessage")).startsWith("The export failed and its partial file was deleted: ")
                .contains("export.jsonl.part");

        robot.interact(() -> target.setText(file.toString()));
        robot.clickOn(dialogButton(robot, "Export"));
        console.waitIdle();
        assertThat(console.text("#auditExportMessage")).startsWith("Exported ").endsWith(" to " + file + ".");
        List<JsonNode> events = Files.readAllLines(file).stream().map(AuditLogsViewTest::json).toList();
        assertThat(events).extracting(e -> e.path("id").asLong()).as("oldest first").containsExactlyElementsOf(ids);
        assertThat(events).extracting(e -> e.path("failureReason").asText())
                .containsExactly("", "The new password is on the banned list", "");
        try (var written = Files.list(folder)) {
            assertThat(written).as("no partial file left").containsExactly(file);
        }
        console.snapshots("audit-export");
        robot.clickOn(dialogButton(robot, "Close"));
        console.waitIdle();
        assertThat(console.text("#auditExportOutcome")).startsWith("Exported ");

        Files.delete(file);
        console.click("#auditExport");
        TextField again = robot.lookup("#auditExportFile").queryAs(TextField.class);
        robot.interact(() -> {
            again.setText(file.toString());
            dialogButton(robot, "Export").fire();
            dialogButton(robot, "Cancel export").fire(); // at once: the download stops at its first chunk
        });
        console.waitIdle();
        assertThat(robot.lookup("#auditExportDialog").tryQuery()).as("closed once stopped").isEmpty();
        assertThat(console.text("#auditExportOutcome")).isEqualTo("Export cancelled; the partial file was deleted.");
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anEventEditedInTheDatabaseBreaksTheChainAndTheViewNamesIt(FxRobot robot) {
        long id = kioskUserEvents("pavel.novak@contoso.example").getFirst();
        var chain = server.server().auditChain();
        chain.verify();
        var dsl = server.server().database().dsl();
        String actor = dsl.select(AUDIT_EVENT.ACTOR).from(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(id)).fetchSingle().value1();
        dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, "someone.else@contoso.example").where(AUDIT_EVENT.ID.eq(id)).execute();
        try {
            chain.verify();
            assertThat(chain.lastVerification().problem()).isEqualTo(AuditChainState.Problem.EVENT_CHANGED);
            console.signInAs(Role.REPORTS_READER);
            console.open("audit");
            assertThat(console.text("#auditChainHeadline")).isEqualTo("Tamper evidence: the log was CHANGED in the database");
            assertThat(console.text("#auditChainDetail")).startsWith("Event " + id + " was changed after the server wrote"
                    + " it, or the server never wrote it. The events before it, ");
            assertThat(robot.lookup("#auditChain").query().getStyleClass()).contains("chain-broken");
        } finally { // the other tests share this server: the row as it was, and the chain verified again
            dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, actor).where(AUDIT_EVENT.ID.eq(id)).execute();
            chain.verify();
        }
        assertThat(chain.lastVerification().intact()).isTrue();
        console.click("#auditRefresh");
        assertThat(console.text("#auditChainHeadline")).isEqualTo("Tamper evidence: the log is intact");
    }

    @Test
    void aRoleThatCantReadTheAuditLogSeesWhy(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        console.open("audit");
        assertThat(console.text("#notForYourRoleReason")).isEqualTo("Your role (Helpdesk Administrator) can't read the"
                + " audit log, so Audit logs isn't available to it. A Reports Reader or a Global Administrator can read it.");
        assertThat(robot.lookup("#auditTable").tryQuery()).isEmpty();
    }

    private static <T> void choose(FxRobot robot, String query, T value) {
        @SuppressWarnings("unchecked")
        ComboBox<T> box = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(value));
    }

    private static void setDays(FxRobot robot, LocalDate from, LocalDate to) {
        DatePicker first = robot.lookup("#auditFrom").queryAs(DatePicker.class);
        DatePicker last = robot.lookup("#auditTo").queryAs(DatePicker.class);
        robot.interact(() -> {
            first.setValue(from);
            last.setValue(to);
        });
    }

    private static int rowOf(TableView<AuditEventDto> table, long id) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i) != null && table.getItems().get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("event " + id + " not listed");
    }

    private static Button dialogButton(FxRobot robot, String text) {
        return robot.lookup("#auditExportDialog .button").match((Node n) -> n instanceof Button b && b.getText().equals(text))
                .queryButton();
    }

    private static JsonNode json(String line) {
        try {
            return Json.newMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
