package org.opensspr.kiosk.hardening;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The only way out of the kiosk: Ctrl+Alt+Shift+X opens a PIN prompt over the screen; the right PIN
 * runs {@code exit}. Five wrong PINs close the prompt for five minutes. Nothing on screen hints at it.
 */
public final class AdminExit {
    public static final KeyCombination CHORD = new KeyCodeCombination(KeyCode.X,
            KeyCombination.CONTROL_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
    static final int MAX_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final AdminPin pin;
    private final I18n i18n;
    private final StackPane overlayHost;
    private final Runnable exit;
    private final Clock clock;
    private final StackPane overlay = new StackPane();
    private final PasswordField entry = new PasswordField();
    private final Label message = new Label();
    private int failures;
    private boolean swallowTyped;
    private Instant lockedUntil = Instant.MIN;

    public AdminExit(AdminPin pin, I18n i18n, StackPane overlayHost, Runnable exit, Clock clock) {
        this.pin = pin;
        this.i18n = i18n;
        this.overlayHost = overlayHost;
        this.exit = exit;
        this.clock = clock;
        build();
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CHORD.match(event)) {
                event.consume();
                swallowTyped = true;
                open();
            }
        });
        // The chord's own key would otherwise arrive as a typed character in the PIN field.
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped) {
                swallowTyped = false;
                event.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> swallowTyped = false);
    }

    public void open() {
        if (clock.instant().isBefore(lockedUntil) || overlayHost.getChildren().contains(overlay)) {
            return;
        }
        entry.clear();
        message.setText("");
        overlayHost.getChildren().add(overlay);
        entry.requestFocus();
        javafx.application.Platform.runLater(entry::requestFocus); // again after layout, when just re-added
    }

    /** Closes the prompt and forgets what was typed (idle time closes it too). */
    public void close() {
        entry.clear();
        overlayHost.getChildren().remove(overlay);
    }

    public boolean isOpen() {
        return overlayHost.getChildren().contains(overlay);
    }

    private void submit() {
        char[] attempt = entry.getText().toCharArray();
        entry.clear();
        boolean right = pin.matches(attempt);
        AdminPin.wipe(attempt);
        if (right) {
            failures = 0;
            close();
            exit.run();
            return;
        }
        failures++;
        if (failures >= MAX_ATTEMPTS) {
            failures = 0;
            lockedUntil = clock.instant().plus(LOCKOUT);
            close();
            return;
        }
        message.setText(i18n.get("admin.wrongPin"));
    }

    private void build() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("admin.title"));
        title.getStyleClass().add("step-title");
        Label intro = new Label();
        intro.textProperty().bind(i18n.text("admin.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("step-intro");
        Label pinLabel = new Label();
        pinLabel.textProperty().bind(i18n.text("admin.pin"));
        pinLabel.getStyleClass().add("field-label");
        pinLabel.setLabelFor(entry);
        entry.setId("adminPin");
        entry.accessibleTextProperty().bind(i18n.text("admin.pin"));
        entry.setOnAction(e -> submit());
        message.setId("adminPinMessage");
        message.getStyleClass().addAll("wizard-message", "message-error");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button cancel = new Button();
        cancel.setId("adminCancel");
        cancel.textProperty().bind(i18n.text("wizard.cancel"));
        cancel.setOnAction(e -> close());
        Button leave = new Button();
        leave.setId("adminExit");
        leave.textProperty().bind(i18n.text("admin.exit"));
        leave.getStyleClass().add("danger");
        leave.setOnAction(e -> submit());
        HBox buttons = new HBox(cancel, leave);
        buttons.getStyleClass().add("wizard-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(title, intro, new VBox(pinLabel, entry), message, buttons);
        card.getStyleClass().addAll("wizard-card", "admin-card");
        card.setMaxSize(460, VBox.USE_PREF_SIZE);
        overlay.getChildren().add(card);
        overlay.getStyleClass().add("modal-overlay");
        overlay.setId("adminExitPrompt");
        overlay.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                close();
            }
        });
    }
}
