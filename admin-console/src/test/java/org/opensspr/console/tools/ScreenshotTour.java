package org.opensspr.console.tools;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.opensspr.console.AdminConsoleApp;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleOptions;
import org.opensspr.console.shell.ConsoleShell;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Signs in to a running demo server as its demo administrator and saves a PNG of every console view
 * in the light and the dark theme: {@code ScreenshotTour <server URL> <server data dir> <output dir> [language]}.
 * With a language ({@code es}, as {@code --mkt} takes it) the console starts in it and every file name starts
 * with its code ({@code es-properties-light.png}). Run by {@code admin-console/screenshots.sh}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Locale language = args.length > 3 ? Language.market(args[3]) : null;
        String prefix = language == null ? "" : language.getLanguage() + "-";
        Files.createDirectories(out);
        List<String> lines = Files.readAllLines(data.resolve("demo-sign-in.txt"));
        String user = value(lines, "user:");
        String password = value(lines, "password:");
        String secret = value(lines, "code:").replaceAll(".*-b\\s+(\\S+).*", "$1");

        Platform.startup(() -> { });
        ConsoleOptions options = new ConsoleOptions(url, data, out.resolve(".settings.properties"), language);
        ConsoleContext context = onFx(() -> ConsoleContext.forRun(options, new UiSettings(options.settingsFile()),
                Locale.ENGLISH, new Background()));
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            new AdminConsoleApp().start(s, context, options);
            s.setWidth(1280);
            s.setHeight(800);
            return s;
        });
        settle(context);
        snap(stage, out.resolve(prefix + "signin-light.png"));
        onFx(() -> {
            Scene scene = stage.getScene();
            ((TextInputControl) scene.lookup("#password")).setText(password);
            ((TextInputControl) scene.lookup("#code")).setText(Oathtool.totp(secret, Instant.now()));
            ((javafx.scene.control.Button) scene.lookup("#signInButton")).fire();
            return null;
        });
        settle(context);
        ConsoleShell shell = onFx(() -> (ConsoleShell) stage.getScene().getRoot());
        for (ThemeMode theme : ThemeMode.values()) {
            onFx(() -> {
                context.themeProperty().set(theme);
                return null;
            });
            for (String key : onFx(shell::viewKeys)) {
                onFx(() -> {
                    shell.open(key);
                    return null;
                });
                settle(context);
                if (key.equals("whatif")) {
                    showAnAnswer(stage);
                    settle(context);
                }
                snap(stage, out.resolve(prefix + key + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png"));
                if (key.equals("customization")) {
                    scrollToEnd(stage);
                    settle(context);
                    snap(stage, out.resolve(prefix + "customization-preview-" + theme.name().toLowerCase(Locale.ROOT) + ".png"));
                }
            }
        }
        impactPreview(stage, context, shell, out.resolve(prefix + "impact-preview-light.png"));
        System.out.println("Screenshots in " + out + " (" + user + ")");
        Platform.exit();
        System.exit(0);
    }

    /** Unticks Email on the demo policy, saves, and captures the impact preview before going back. */
    private static void impactPreview(Stage stage, ConsoleContext context, ConsoleShell shell, Path file) throws Exception {
        onFx(() -> {
            context.themeProperty().set(ThemeMode.LIGHT);
            shell.open("methods");
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#method-EMAIL")).fire();
            ((javafx.scene.control.Button) stage.getScene().lookup("#saveButton")).fire();
            return null;
        });
        settle(context);
        Stage dialog = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).map(w -> (Stage) w).findFirst().orElse(null));
        if (dialog != null) {
            snap(dialog, file);
            onFx(() -> {
                dialog.close();
                shell.saver().discard();
                return null;
            });
        }
    }

    /** Picks a demo person who can't reset, so the what-if picture shows an answer and its message. */
    private static void showAnAnswer(Stage stage) throws Exception {
        onFx(() -> {
            var list = (javafx.scene.control.ListView<?>) stage.getScene().lookup("#whatIfUsers");
            int index = 0;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).toString().contains("debra.berger")) {
                    index = i;
                }
            }
            list.getSelectionModel().select(index);
            list.scrollTo(index);
            return null;
        });
    }

    /** Scrolls the open pane to its end, where the Customization pane has the kiosk preview. */
    private static void scrollToEnd(Stage stage) throws Exception {
        onFx(() -> {
            javafx.scene.Node node = stage.getScene().lookup(".kiosk-preview");
            while (node != null && !(node instanceof javafx.scene.control.ScrollPane)) {
                node = node.getParent();
            }
            if (node instanceof javafx.scene.control.ScrollPane scroll) {
                scroll.setVvalue(scroll.getVmax());
            }
            return null;
        });
    }

    private static String value(List<String> lines, String label) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith(label)).findFirst()
                .map(l -> l.substring(label.length()).strip())
                .orElseThrow(() -> new IllegalStateException("No '" + label + "' line in demo-sign-in.txt"));
    }

    private static void settle(ConsoleContext context) throws Exception {
        for (int i = 0; i < 100; i++) {
            Thread.sleep(100);
            if (!onFx(() -> context.background().isBusy())) {
                break;
            }
        }
        Thread.sleep(400); // animations and layout
    }

    private static void snap(Stage stage, Path file) throws Exception {
        var image = onFx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
