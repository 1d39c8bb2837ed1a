package org.opensspr.console.support;

import org.opensspr.console.AdminConsoleApp;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleOptions;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.ui.i18n.Messages;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Drives the real console against an in-process server: starts it, signs in like a person, waits for calls. */
public final class ConsoleDriver {
    private final FxRobot robot;
    private final InProcessServer server;
    private ConsoleContext context;
    private Path settingsFile;
    private String url;
    private Stage stage;

    public ConsoleDriver(FxRobot robot, InProcessServer server) {
        this(robot, server, server.url());
    }

    /** Reaches the server at {@code url} (e.g. through an {@link OutageProxy}). */
    public ConsoleDriver(FxRobot robot, InProcessServer server, String url) {
        this.robot = robot;
        this.server = server;
        this.url = url;
    }

    /** Starts the console in {@code stage} (call from a TestFX {@code @Start} method). */
    public void start(Stage stage) {
        try {
            start(stage, Files.createTempDirectory("console-settings").resolve("console.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts with an existing settings file, as a second run of the console on the same machine. */
    public void start(Stage stage, Path settings) {
        this.stage = stage;
        this.settingsFile = settings;
        context = new ConsoleContext(Messages.load("org.opensspr.console.messages", Locale.ENGLISH),
                new Background(), new UiSettings(settingsFile));
        new AdminConsoleApp().start(stage, context, new ConsoleOptions(url, null, settingsFile));
    }

    public Stage stage() {
        return stage;
    }

    /** Signs out (answering {@code choice} if asked about unsaved changes) and signs in again as {@code admin}. */
    public void signOutAndIn(AdminEnrollment admin) {
        robot.clickOn("#signOutButton");
        waitIdle();
        signIn(admin);
    }

    public ConsoleContext context() {
        return context;
    }

    public Path settingsFile() {
        return settingsFile;
    }

    /** Creates an administrator with {@code roles} and signs in through the form. */
    public AdminEnrollment signInAs(Role... roles) {
        AdminEnrollment admin = TestAdmins.create(server, roles);
        signIn(admin);
        return admin;
    }

    public void signIn(AdminEnrollment admin) {
        // A TOTP code counts once: a second sign-in needs the next 30-second step (test mode moves the clock).
        server.server().clock().advance(java.time.Duration.ofSeconds(30));
        type("#username", admin.userPrincipalName());
        type("#password", TestAdmins.PASSWORD);
        type("#code", Oathtool.totp(admin.base32Secret(), server.server().clock().instant()));
        robot.clickOn("#signInButton");
        waitIdle();
    }

    public void type(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(""));
        click(field);
        robot.write(text);
    }

    public void click(String query) {
        click(robot.lookup(query).<Node>query());
    }

    /** Scrolls {@code node} into view, as a person would, then clicks it. */
    public void click(Node node) {
        robot.interact(() -> reveal(node));
        robot.clickOn(node);
    }

    private static void reveal(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                javafx.geometry.Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double extra = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (extra > 0) {
                    double target = inContent.getMinY() - scroll.getViewportBounds().getHeight() / 3;
                    scroll.setVvalue(Math.max(0, Math.min(1, target / extra)));
                }
                scroll.layout();
            }
        }
    }

    /** Opens a view by its navigation key, e.g. {@code "registration"}. */
    public void open(String navKey) {
        robot.interact(() -> robot.lookup("#navigation").queryAs(javafx.scene.control.ListView.class).getItems());
        String title = context.text("nav." + navKey);
        robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof Labeled l && l.getText() != null
                && (l.getText().equals(title) || l.getText().startsWith(title + " "))).<Node>query());
        waitIdle();
    }

    /** Saves; when the impact preview appears, confirms it ("Save anyway"). */
    public void save() {
        saveAndPreview();
        if (robot.lookup("#impactDialog").tryQuery().isPresent()) {
            robot.clickOn(context.text("impact.save"));
            waitIdle();
        }
    }

    /** Saves and leaves an impact preview, if one appears, open. */
    public void saveAndPreview() {
        click("#saveButton");
        waitIdle();
    }

    public String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }

    /** Waits until every server call the console started has come back and the FX thread is quiet. */
    public void waitIdle() {
        try {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !context.background().isBusy());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("The console stayed busy for 15 s", e);
        }
    }

    public List<String> visibleErrors() {
        return robot.lookup(".field-error").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(Node::isVisible).map(Labeled::getText).filter(t -> t != null && !t.isBlank()).toList();
    }
}
