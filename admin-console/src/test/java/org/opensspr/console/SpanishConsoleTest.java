package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.shell.ConsoleShell;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.settings.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console whose settings say {@code language=es} starts in Spanish on an English system, in every view;
 * the language picker beside the theme remembers a new choice and says that a restart shows it.
 */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class SpanishConsoleTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) throws IOException {
        Path file = Files.createTempDirectory("console-settings").resolve("console.properties");
        UiSettings settings = new UiSettings(file);
        settings.put(ConsoleContext.LANGUAGE_SETTING, "es");
        settings.save();
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage, file, Locale.US);
    }

    @Test
    void theSettingStartsTheConsoleInSpanish(FxRobot robot) {
        assertThat(console.stage().getTitle()).isEqualTo("Consola de administración de OpenSSPR");
        assertThat(console.text("#signInButton")).isEqualTo("Iniciar sesión");
        assertThat(robot.lookup("Iniciar sesión en OpenSSPR").tryQuery()).isPresent();

        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        assertThat(console.text("#adminRoles")).isEqualTo("Administrador global");
        assertThat(console.text("#signOutButton")).isEqualTo("Cerrar sesión");
        assertThat(console.text("#themeToggle")).isIn("Tema oscuro", "Tema claro");
        assertThat(console.text("#languagePicker")).isEqualTo("Español");
        assertThat(robot.lookup("#languageNote").queryAs(Node.class).isVisible()).isFalse();

        console.open("properties");
        assertThat(robot.lookup("Restablecimiento de contraseña de autoservicio habilitado").tryQuery()).isPresent();
        assertThat(console.text("#scope-SELECTED")).isEqualTo("Seleccionado");
        console.open("methods");
        assertThat(console.text("#method-EMAIL")).isEqualTo("Correo electrónico");
        assertThat(console.text("#saveButton")).isEqualTo("Guardar");
    }

    @Test
    void everyViewIsInSpanishAndEveryControlIsNamed(FxRobot robot) {
        Set<String> englishOnly = englishOnlyTexts();
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        List<String> found = new ArrayList<>();
        ConsoleShell shell = (ConsoleShell) console.stage().getScene().getRoot();
        for (String key : shell.viewKeys()) {
            console.open(key);
            for (Labeled labeled : robot.lookup((Node n) -> n instanceof Labeled).queryAllAs(Labeled.class)) {
                String text = labeled.getText();
                if (text != null && englishOnly.contains(text.strip())) {
                    found.add(key + ": " + text);
                }
            }
            AccessibleTextAudit.unnamedControls(shell).forEach(control -> found.add(key + ": unnamed " + control));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void choosingAnotherLanguageIsRememberedAndShownAfterARestart(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        robot.clickOn("#languagePicker");
        robot.clickOn("#language-ENGLISH");
        console.waitIdle();
        assertThat(new UiSettings(console.settingsFile()).get(ConsoleContext.LANGUAGE_SETTING)).contains("en");
        assertThat(robot.lookup("#languageNote").queryAs(Node.class).isVisible()).isTrue();
        assertThat(console.text("#languageNote")).isEqualTo("Reinicia la consola para verla en English.");
        assertThat(console.text("#languagePicker")).as("this run stays in Spanish").isEqualTo("Español");

        robot.clickOn("#languagePicker");
        robot.clickOn("#language-SYSTEM");
        console.waitIdle();
        assertThat(new UiSettings(console.settingsFile()).get(ConsoleContext.LANGUAGE_SETTING)).isEmpty();
        assertThat(console.text("#languageNote")).isEqualTo("Reinicia la consola para verla en English.");

        robot.clickOn("#languagePicker");
        robot.clickOn("#language-SPANISH");
        console.waitIdle();
        assertThat(new UiSettings(console.settingsFile()).get(ConsoleContext.LANGUAGE_SETTING)).contains("es");
        assertThat(robot.lookup("#languageNote").queryAs(Node.class).isVisible()).isFalse();
    }

    /** The English texts without arguments that Spanish words differently: none of them may show. */
    private static Set<String> englishOnlyTexts() {
        Properties english = read("messages.properties");
        Properties spanish = read("messages_es.properties");
        Set<String> texts = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key).strip();
            if (!text.contains("{") && !text.equals(spanish.getProperty(key, "").strip())) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static Properties read(String name) {
        Properties properties = new Properties();
        try (InputStream in = SpanishConsoleTest.class.getResourceAsStream("/org/opensspr/console/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
