package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.groups.GroupsView;
import org.opensspr.console.groups.MemberRow;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.api.TestPeople;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Groups view on the demo directory (All staff holds SSPR pilot, which holds SSPR pilot wave 2; the policy
 * selects SSPR pilot): members direct and nested, the scope group that brings each in, members added and removed
 * on the server, a group created — and why a role that may not manage groups can't.
 */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class GroupsViewTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void aNestedGroupOpensToItsOwnMembersEachMarkedWithTheScopeGroupThatBringsItIn(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        GroupsView view = openGroups(robot, "All staff");
        choose(robot, view, "All staff");
        assertThat(chips()).containsExactly("Not in the SSPR scope: no selected group holds this group");

        TreeItem<MemberRow> pilot = awaitMember(view, view.detail().members().getRoot(), "SSPR pilot");
        assertThat(through(pilot)).as("a selected group nested in All staff").containsExactly("SSPR pilot");
        assertThat(through(awaitMember(view, view.detail().members().getRoot(), "allan.deyoung@contoso.example")))
                .as("All staff's own users are outside the scope").isEmpty();

        robot.interact(() -> pilot.setExpanded(true));
        TreeItem<MemberRow> wave = awaitMember(view, pilot, "SSPR pilot wave 2");
        assertThat(through(awaitMember(view, pilot, "adele.vance@contoso.example"))).containsExactly("SSPR pilot");
        robot.interact(() -> wave.setExpanded(true));
        assertThat(through(awaitMember(view, wave, "alex.wilber@contoso.example")))
                .as("two levels down, still brought in by the selected group").containsExactly("SSPR pilot");
        console.reveal(view.detail().members());
        assertThat(robot.lookup("#groupMembers .tree-table-cell").queryAllAs(javafx.scene.control.TreeTableCell.class))
                .extracting(javafx.scene.control.TreeTableCell::getText).as("the scope column on screen").contains("SSPR pilot");
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        console.snapshots("groups-nested");

        choose(robot, view, "SSPR pilot wave 2", "SSPR pilot");
        assertThat(chips()).containsExactly("In the SSPR scope through SSPR pilot");
        assertThat(scopeColumn(robot, view)).as("the list marks the selected group and the one nested in it")
                .containsExactly("selected", "via SSPR pilot");
        choose(robot, view, "SSPR pilot");
        assertThat(chips()).containsExactly("Selected for self-service password reset");
    }

    @Test
    void aUserAdministratorAddsAUserAndRemovesItAfterConfirming(FxRobot robot) {
        TestPeople.cloudUser(server, "nora.quist@contoso.example", PASSWORD, false);
        console.signInAs(Role.USER_ADMINISTRATOR);
        GroupsView view = openGroups(robot, "SSPR pilot wave");
        choose(robot, view, "SSPR pilot wave 2");
        String wave = view.model().selectedProperty().get().id();

        console.click("#addUserMember");
        console.type("#memberSearch", "nora");
        robot.type(KeyCode.ENTER);
        console.waitIdle();
        console.snapshots("groups-add-member");
        robot.clickOn(dialogButton(robot, "#addMemberDialog", console.context().text("addMember.go")));
        console.waitIdle();
        assertThat(serverMembers(wave)).as("added on the server").contains("nora.quist@contoso.example");
        assertThat(console.text("#groupStatus")).isEqualTo("nora.quist@contoso.example was added to SSPR pilot wave 2.");
        assertThat(view.detail().members().isFocused()).as("the keyboard stays in the group").isTrue();
        TreeItem<MemberRow> nora = awaitMember(view, view.detail().members().getRoot(), "nora.quist@contoso.example");
        assertThat(through(nora)).containsExactly("SSPR pilot");

        robot.interact(() -> view.detail().members().getSelectionModel().select(nora));
        console.reveal(view.detail().members());
        console.snapshots("groups-member-added");
        console.click("#removeMember");
        robot.clickOn(dialogButton(robot, "#confirmDialog", console.context().text("dialog.cancel")));
        console.waitIdle();
        assertThat(serverMembers(wave)).as("cancelled").contains("nora.quist@contoso.example");

        robot.interact(() -> view.detail().members().requestFocus());
        robot.type(KeyCode.DELETE); // the keyboard way to the same confirmation
        assertThat(robot.lookup("#confirmDialog .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Remove nora.quist@contoso.example from SSPR pilot wave 2?");
        robot.clickOn(dialogButton(robot, "#confirmDialog", console.context().text("confirm.removeMember.go")));
        console.waitIdle();
        assertThat(serverMembers(wave)).as("removed on the server").doesNotContain("nora.quist@contoso.example");
        assertThat(console.text("#groupStatus")).isEqualTo("nora.quist@contoso.example was removed from SSPR pilot wave 2.");
    }

    @Test
    void aGroupIsCreatedAndATakenNameIsRefusedWithTheServersReason(FxRobot robot) {
        console.signInAs(Role.USER_ADMINISTRATOR);
        GroupsView view = openGroups(robot, "");
        console.click("#newGroup");
        console.type("#newGroupName", "Night shift");
        console.type("#newGroupDescription", "Weekend staff");
        console.snapshots("groups-new");
        robot.clickOn(dialogButton(robot, "#newGroupDialog", console.context().text("newGroup.go")));
        console.waitIdle();
        assertThat(console.text("#groupName")).isEqualTo("Night shift");
        assertThat(console.text("#groupDescription")).isEqualTo("Weekend staff");
        try (OpenSsprClient admin = TestAdmins.client(server, Role.USER_ADMINISTRATOR)) {
            assertThat(admin.groups("Night shift", 0, 5).items()).extracting(GroupDto::name).containsExactly("Night shift");
        }

        console.click("#newGroup");
        console.type("#newGroupName", "sspr PILOT");
        robot.clickOn(dialogButton(robot, "#newGroupDialog", console.context().text("newGroup.go")));
        console.waitIdle();
        assertThat(console.text("#groupsStatus")).isEqualTo("The group wasn't created: 'sspr PILOT' is taken.");
        assertThat(view.table().getItems()).isNotEmpty();
    }

    @Test
    void aRoleThatMayNotManageGroupsSeesEveryActionGreyedOutWithTheReason(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        GroupsView view = openGroups(robot, "SSPR pilot");
        choose(robot, view, "SSPR pilot");
        String reason = "Read-only: your role (Helpdesk Administrator) can view groups but not create them or change"
                + " their members. A User Administrator or a Global Administrator can.";
        for (String action : List.of("#addUserMember", "#addGroupMember", "#removeMember", "#newGroup")) {
            Button button = robot.lookup(action).queryButton();
            assertThat(button.isDisabled()).as(action).isTrue();
            assertThat(button.getAccessibleHelp()).as(action).isEqualTo(reason);
        }
        assertThat(robot.lookup("#groupActionNotes .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the reason is on screen, not only in a tooltip").containsExactly(reason);
        console.snapshots("groups-role-disabled");
    }

    @Test
    void theListIsSearchedAndSortedOnTheServer(FxRobot robot) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.USER_ADMINISTRATOR)) {
            for (String name : List.of("Sorted b", "Sorted c", "Sorted a")) {
                admin.createGroup(new GroupWriteRequest(name, ""));
                server.server().clock().advance(java.time.Duration.ofSeconds(1));
            }
        }
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        GroupsView view = openGroups(robot, "sorted");
        TableView<GroupDto> table = view.table();
        assertThat(names(table)).containsExactly("Sorted a", "Sorted b", "Sorted c");
        assertThat(console.text("#groupsStatus")).isEqualTo("3 groups");

        // What a header click does (the headless robot's click doesn't count as "still since press" for a header).
        TableColumn<GroupDto, ?> byName = table.getColumns().getFirst();
        robot.interact(() -> {
            byName.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(byName));
        });
        console.waitIdle();
        assertThat(names(table)).containsExactly("Sorted c", "Sorted b", "Sorted a");
        robot.interact(() -> view.model().sort("createdAt", false)); // an order without a column, as in the Users view
        console.waitIdle();
        assertThat(names(table)).as("in the order they were made").containsExactly("Sorted b", "Sorted c", "Sorted a");
    }

    private GroupsView openGroups(FxRobot robot, String search) {
        console.open("groups");
        GroupsView view = console.find(GroupsView.class);
        console.type("#groupsSearch", search);
        robot.type(KeyCode.ENTER);
        console.waitIdle();
        return view;
    }

    /** Chooses the row named {@code name}, searching {@code search} (by default the name) first. */
    private void choose(FxRobot robot, GroupsView view, String name, String... search) {
        if (search.length > 0 || !names(view.table()).contains(name)) {
            console.type("#groupsSearch", search.length > 0 ? search[0] : name);
            robot.type(KeyCode.ENTER);
            console.waitIdle();
        }
        List<String> names = names(view.table());
        assertThat(names).as("%s listed", name).contains(name);
        robot.interact(() -> view.table().getSelectionModel().select(names.indexOf(name)));
        console.waitIdle();
        assertThat(console.text("#groupName")).isEqualTo(name);
    }

    /** The list's scope column as the table reads it, once the server has said which scope groups hold each. */
    private List<String> scopeColumn(FxRobot robot, GroupsView view) {
        TableColumn<GroupDto, ?> scope = view.table().getColumns().get(3);
        int rows = view.table().getItems().size();
        robot.interact(() -> java.util.stream.IntStream.range(0, rows).forEach(scope::getCellData)); // asks, if not yet
        console.waitIdle();
        List<String> texts = new java.util.ArrayList<>();
        robot.interact(() -> java.util.stream.IntStream.range(0, rows).forEach(i -> texts.add((String) scope.getCellData(i))));
        return texts;
    }

    private static List<String> names(TableView<GroupDto> table) {
        return table.getItems().stream().map(g -> g == null ? null : g.name()).toList();
    }

    private List<String> chips() {
        return console.find(GroupsView.class).detail().lookupAll("#groupScope .label").stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private static List<String> through(TreeItem<MemberRow> item) {
        return ((MemberRow.Member) item.getValue()).inScopeThrough();
    }

    /** The child of {@code parent} named {@code name}, once its page has come. */
    private TreeItem<MemberRow> awaitMember(GroupsView view, TreeItem<MemberRow> parent, String name) {
        TreeTableView<MemberRow> tree = view.detail().members();
        @SuppressWarnings("unchecked")
        TreeItem<MemberRow>[] found = new TreeItem[1];
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.asyncFx(() -> found[0] = parent.getChildren().stream()
                        .filter(c -> c.getValue() instanceof MemberRow.Member m && m.member().name().equals(name))
                        .findFirst().orElse(null)).get();
                return found[0] != null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError(name + " never shown under " + parent.getValue() + " in " + tree.getRoot(), e);
        }
        console.waitIdle();
        return found[0];
    }

    private List<String> serverMembers(String groupId) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            return admin.groupMembers(groupId, 0, 200).items().stream().map(GroupMemberDto::name).toList();
        }
    }

    /** A dialog's button by its text: the view behind may have a button of the same name. */
    private static Button dialogButton(FxRobot robot, String dialog, String text) {
        return robot.lookup(dialog + " .button").match((Node n) -> n instanceof Button b && b.getText().equals(text))
                .queryButton();
    }
}
