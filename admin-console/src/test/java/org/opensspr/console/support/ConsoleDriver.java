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
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.testing.Keyboard;
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
        start(stage, settings, Locale.ENGLISH);
    }

    /**
     * Starts with an existing settings file on a machine whose system locale is {@code system}: the language
     * is chosen as a real start chooses it ({@link ConsoleContext#forRun}).
     */
    public void start(Stage stage, Path settings, Locale system) {
        this.stage = stage;
        this.settingsFile = settings;
        ConsoleOptions options = new ConsoleOptions(url, null, settingsFile);
        context = ConsoleContext.forRun(options, new UiSettings(settingsFile), system, new Background());
        new AdminConsoleApp().start(stage, context, options);
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
        Keyboard.type(robot, field, text);
    }

    /** Scrolls {@code node} into view, as a person would, then clicks it. */
    public void click(Node node) {
        reveal(node);
        robot.clickOn(node);
    }

    /** Clicks {@code query} after scrolling it into view. */
    public void click(String query) {
        Node node = robot.lookup(query).query();
        reveal(node);
        robot.clickOn(node);
        waitIdle();
    }

    /** Scrolls every scroll pane around {@code node} so that it is on screen, as a person would. */
    public void reveal(Node node) {
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                    javafx.geometry.Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double content = pane.getContent().getBoundsInLocal().getHeight();
                    double viewport = pane.getViewportBounds().getHeight();
                    if (content > viewport) {
                        pane.setVvalue(Math.clamp((inContent.getMinY() - 24) / (content - viewport), 0.0, 1.0));
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a view by its navigation key, e.g. {@code "registration"}, scrolling the navigation to it first. */
    public void open(String navKey) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.opensspr.console.shell.NavEntry> navigation =
                robot.lookup("#navigation").queryAs(javafx.scene.control.ListView.class);
        // A short window lists the last entries below the fold, where no cell exists until it is scrolled to.
        robot.interact(() -> navigation.getItems().stream().filter(e -> e.key().equals(navKey)).findFirst()
                .ifPresent(navigation::scrollTo));
        WaitForAsyncUtils.waitForFxEvents();
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
            // Lists and tables show new items at the next pulse; ask for one rather than hope for it.
            robot.interact(javafx.application.Platform::requestNextPulse);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("The console stayed busy for 15 s", e);
        }
    }

    /** The single node of {@code type} on screen, e.g. the open pane. */
    public <T extends Node> T find(Class<T> type) {
        return robot.lookup((Node n) -> type.isInstance(n)).queryAs(type);
    }

    /** Signs out through the header button (nothing unsaved may be left, or the prompt would appear). */
    public void signOut() {
        robot.clickOn("#signOutButton");
        waitIdle();
    }

    /** Writes the window in light and dark theme as PNGs when {@code -Dconsole.snapshots=DIR} is set. */
    public void snapshots(String name) {
        String dir = System.getProperty("console.snapshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        var original = context.themeProperty().get();
        for (var theme : org.opensspr.ui.theme.ThemeMode.values()) {
            robot.interact(() -> context.themeProperty().set(theme));
            waitIdle();
            Snapshots.write(robot.window(0).getScene(), Path.of(dir, name + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png"));
        }
        robot.interact(() -> context.themeProperty().set(original));
    }

    /** The reasons shown at fields (the save bar's summary left out). */
    public List<String> fieldErrors() {
        return robot.lookup(".field-error").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> !"saveStatus".equals(l.getId()) && l.isVisible()).map(Labeled::getText)
                .filter(t -> t != null && !t.isBlank()).toList();
    }

    public List<String> visibleErrors() {
        return robot.lookup(".field-error").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(Node::isVisible).map(Labeled::getText).filter(t -> t != null && !t.isBlank()).toList();
    }
}
