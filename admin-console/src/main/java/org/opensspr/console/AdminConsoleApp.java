package org.opensspr.console;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.opensspr.console.shell.ConsolePanes;
import org.opensspr.console.shell.ConsoleShell;
import org.opensspr.console.signin.SignInModel;
import org.opensspr.console.signin.SignInView;
import org.opensspr.ui.local.LocalServerFiles;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.startup.FirstFrame;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.Themes;

import java.util.Locale;
import java.util.Optional;

/** The admin console: sign in, then the shell; theme, language and window size are remembered between runs. */
public final class AdminConsoleApp extends Application {
    static final String STYLESHEET = AdminConsoleApp.class.getResource("console.css").toExternalForm();
    private ConsoleContext context;
    private Stage stage;
    private ConsoleShell shell;
    private ConsoleSession session;
    private ConsoleOptions options;

    @Override
    public void start(Stage primaryStage) {
        options = ConsoleOptions.parse(getParameters().getRaw());
        UiSettings settings = new UiSettings(options.settingsFile() != null ? options.settingsFile()
                : UiSettings.defaultFile("admin-console"));
        context = ConsoleContext.forRun(options, settings, Locale.getDefault(), new Background());
        start(primaryStage, context, options);
    }

    /** Also the entry for tests, which pass their own context and options. */
    public void start(Stage primaryStage, ConsoleContext consoleContext, ConsoleOptions consoleOptions) {
        this.stage = primaryStage;
        this.context = consoleContext;
        this.options = consoleOptions;
        Themes.apply(context.themeProperty().get());
        context.themeProperty().addListener((o, was, now) -> {
            Themes.apply(now);
            context.settings().put("theme", now.name());
            context.settings().save();
        });
        context.languageChoiceProperty().addListener((o, was, now) -> {
            now.ifPresentOrElse(language -> context.settings().put(ConsoleContext.LANGUAGE_SETTING, language.code()),
                    () -> context.settings().remove(ConsoleContext.LANGUAGE_SETTING));
            context.settings().save();
        });
        UiSettings settings = context.settings();
        Scene scene = new Scene(signInView(), settings.getDouble("window.width", 1180), settings.getDouble("window.height", 780));
        Themes.style(scene, STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(context.text("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(event -> {
            if (!confirmLeaving()) {
                event.consume();
                return;
            }
            rememberWindow();
        });
        FirstFrame.watch(stage, "admin-console");
        stage.show();
    }

    private Parent signInView() {
        SignInModel model = new SignInModel(context);
        model.serverProperty().set(Optional.ofNullable(options.serverUrl())
                .or(() -> context.settings().get("server")).orElse(ConsoleOptions.DEFAULT_SERVER));
        if (options.dataDirectory() != null) {
            LocalServerFiles local = new LocalServerFiles(options.dataDirectory());
            local.certificateFingerprint().ifPresent(f -> model.fingerprintProperty().set(f.toHex()));
            local.demoAdministrator().ifPresent(model.usernameProperty()::set);
        } else {
            context.settings().get("fingerprint").ifPresent(model.fingerprintProperty()::set);
            context.settings().get("username").ifPresent(model.usernameProperty()::set);
        }
        return new SignInView(model, context, signedIn -> {
            context.settings().put("server", signedIn.serverUrl());
            context.settings().put("fingerprint", model.fingerprintProperty().get().strip());
            context.settings().put("username", model.usernameProperty().get().strip());
            context.settings().save();
            showShell(signedIn);
        });
    }

    private void showShell(ConsoleSession signedIn) {
        session = signedIn;
        shell = new ConsoleShell(context, signedIn, new ConsolePanes(context, signedIn), this::signOut);
        stage.getScene().setRoot(shell);
    }

    private void signOut() {
        if (!confirmLeaving()) {
            return;
        }
        ConsoleSession ending = session;
        session = null;
        shell = null;
        context.background().run(() -> {
            ending.client().signOut();
            ending.client().close();
            return true;
        }, done -> { }, failure -> ending.client().close());
        stage.getScene().setRoot(signInView());
    }

    /** True when nothing unsaved would be lost, or the admin chose to save or discard it. */
    private boolean confirmLeaving() {
        if (shell == null || !shell.hasUnsavedChanges()) {
            return true;
        }
        ButtonType save = new ButtonType(context.text("leave.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(context.text("leave.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(context.text("leave.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, context.text("leave.text"), save, discard, cancel);
        alert.setHeaderText(context.text("leave.title"));
        alert.initOwner(stage);
        Optional<ButtonType> choice = alert.showAndWait();
        if (choice.isEmpty() || choice.get() == cancel) {
            return false;
        }
        if (choice.get() == save) {
            shell.saver().save(); // the shell stays open: a refused or failed save must be seen
            return false;
        }
        return true;
    }

    private void rememberWindow() {
        if (!stage.isMaximized()) {
            context.settings().put("window.width", Double.toString(stage.getWidth()));
            context.settings().put("window.height", Double.toString(stage.getHeight()));
            context.settings().save();
        }
    }

    @Override
    public void stop() {
        if (session != null) {
            session.client().close();
        }
        if (context != null) {
            context.background().close();
        }
        Platform.exit();
    }
}
