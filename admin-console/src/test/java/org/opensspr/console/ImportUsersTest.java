package org.opensspr.console;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.api.UploadLimits;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.users.ImportUsersModel;
import org.opensspr.console.users.UsersView;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.testing.SharedServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Importing users from the Users view: all or nothing, every problem by its line, the upload's progress shown. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class ImportUsersTest {
    private static final String HEADER = "upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,"
            + "mobilePhone,officePhone,preferredLanguage,groups,roles\n";
    private static InProcessServer server;
    private ConsoleDriver console;
    @TempDir
    Path files;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void aFileWithProblemsImportsNothingAndListsEachByLineThenTheCorrectedFileImports(FxRobot robot) throws IOException {
        console.signInAs(Role.USER_ADMINISTRATOR);
        UsersView view = openImport(robot);
        Path bad = write("people.csv", HEADER
                + "imp.ann@contoso.example,Ann,Lee,Ann Lee,CLOUD,true,,,,,en-US,Import wave,\n"
                + "imp.carl@contoso.example,Carl,Sun,Carl Sun,CLOUD,perhaps,,not-an-email,,,en-US,,\n"
                + "imp.ann@contoso.example,Ann,Again,Ann Again,CLOUD,true,,,,,en-US,,\n");

        choose(robot, view, bad);
        assertThat(console.text("#importFile")).startsWith("people.csv: 4 lines, ");
        importAndWait(robot, view);

        assertThat(view.importer().stageProperty().get()).isEqualTo(ImportUsersModel.Stage.REFUSED);
        assertThat(console.text("#importStatus")).isEqualTo("3 problems in the file; nothing was imported. Correct the"
                + " file, then choose it and import again.");
        @SuppressWarnings("unchecked")
        TableView<ImportRowErrorDto> problems = robot.lookup("#importProblems").queryAs(TableView.class);
        assertThat(problems.getItems()).extracting(ImportRowErrorDto::line, ImportRowErrorDto::column)
                .containsExactly(tuple(3, "enabled"), tuple(3, "alternateEmail"), tuple(4, "upn"));
        assertThat(view.importer().report()).startsWith("people.csv\nLine,Column,Problem\n3,enabled,")
                .contains("\n4,upn,");
        assertThat(directory("imp.")).as("nothing of a refused file is imported").isEmpty();
        console.snapshots("users-import-problems");

        Path good = write("people-fixed.csv", HEADER
                + "imp.ann@contoso.example,Ann,Lee,Ann Lee,CLOUD,true,,,,,en-US,Import wave,\n"
                + "imp.carl@contoso.example,Carl,Sun,Carl Sun,CLOUD,true,,carl@home.example,,,en-US,,\n");
        choose(robot, view, good);
        assertThat(problems.getItems()).as("a new file starts without the old report").isEmpty();
        assertThat(robot.lookup("#importCopy").queryButton().isDisabled()).isTrue();
        importAndWait(robot, view);

        assertThat(console.text("#importStatus")).isEqualTo("2 users imported. Groups created: Import wave.");
        assertThat(directory("imp.")).containsExactly("imp.ann@contoso.example", "imp.carl@contoso.example");
        assertThat(goButton(robot).isDisabled()).as("an imported file isn't sent twice").isTrue();
        console.snapshots("users-import-done");
        robot.clickOn(robot.lookup("#importClose").queryButton());
        console.waitIdle();
        console.type("#usersSearch", "imp.");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        console.waitIdle();
        assertThat(view.table().getItems()).as("the list shows the new users").hasSize(2);
    }

    @Test
    void aLargeFileShowsItsUploadThenTheServersCheck(FxRobot robot) throws IOException {
        console.signInAs(Role.USER_ADMINISTRATOR);
        UsersView view = openImport(robot);
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            rows.append(String.format("massimp%04d@contoso.example,Mass,Person %04d,Mass Person %04d,CLOUD,true,,,,,en-US,,%n",
                    i, i, i));
        }
        Path big = write("many.csv", rows.toString());
        assertThat(Files.size(big)).as("several upload chunks").isGreaterThan(3 * 64 * 1024);
        choose(robot, view, big);
        List<ImportUsersModel.Stage> stages = new ArrayList<>();
        List<Double> sendingProgress = new ArrayList<>();
        robot.interact(() -> {
            view.importer().stageProperty().addListener((o, was, now) -> stages.add(now));
            view.importer().progressProperty().addListener((o, was, now) -> {
                if (view.importer().stageProperty().get() == ImportUsersModel.Stage.SENDING) {
                    sendingProgress.add(now.doubleValue());
                }
            });
        });

        importAndWait(robot, view);

        assertThat(stages).containsExactly(ImportUsersModel.Stage.SENDING, ImportUsersModel.Stage.CHECKING,
                ImportUsersModel.Stage.IMPORTED);
        assertThat(sendingProgress).isSorted().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(console.text("#importStatus")).isEqualTo("3,000 users imported.");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsSent(FxRobot robot) throws IOException {
        console.signInAs(Role.USER_ADMINISTRATOR);
        UsersView view = openImport(robot);
        Path huge = files.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(UploadLimits.USER_IMPORT_BYTES + 1L);
        }

        choose(robot, view, huge);

        assertThat(console.text("#importStatus")).isEqualTo("huge.csv is 16.0 MiB; a file to import may be at most 16"
                + " MiB. Split it into smaller files.");
        assertThat(goButton(robot).isDisabled()).isTrue();
        assertThat(console.visibleErrors()).contains(console.text("#importStatus"));
    }

    @Test
    void aHelpdeskAdministratorSeesWhyThereIsNoImport(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        console.open("users");
        console.waitIdle();

        assertThat(robot.lookup("#importUsers").queryButton().isDisabled()).isTrue();
        assertThat(console.text("#importRefusal")).isEqualTo("Import users: not allowed for your role; a User"
                + " Administrator or Global Administrator can.");
    }

    private UsersView openImport(FxRobot robot) {
        console.open("users");
        UsersView view = console.find(UsersView.class);
        console.click("#importUsers");
        assertThat(robot.lookup("#importDialog").tryQuery()).isPresent();
        assertThat(goButton(robot).isDisabled()).as("nothing to import before a file is chosen").isTrue();
        return view;
    }

    private void choose(FxRobot robot, UsersView view, Path file) {
        robot.interact(() -> view.importer().choose(file));
        console.waitIdle();
    }

    private void importAndWait(FxRobot robot, UsersView view) {
        robot.clickOn(goButton(robot));
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                ImportUsersModel.Stage[] stage = new ImportUsersModel.Stage[1];
                WaitForAsyncUtils.asyncFx(() -> stage[0] = view.importer().stageProperty().get()).get();
                return stage[0] != ImportUsersModel.Stage.SENDING && stage[0] != ImportUsersModel.Stage.CHECKING;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the import never answered", e);
        }
        console.waitIdle();
    }

    private static Button goButton(FxRobot robot) {
        return robot.lookup("#importGo").queryButton();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The UPNs starting with {@code prefix}, asked of the server directly. */
    private static List<String> directory(String prefix) {
        try (OpenSsprClient client = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            return client.users(prefix, "upn", 0, 50).items().stream().map(u -> u.userPrincipalName()).toList();
        }
    }
}
