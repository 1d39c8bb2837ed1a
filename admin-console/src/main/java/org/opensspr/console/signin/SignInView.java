package org.opensspr.console.signin;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleSession;

import java.util.function.Consumer;

/** The console's first screen: a card with the sign-in form; Enter signs in from any field. */
public final class SignInView extends StackPane {

    public SignInView(SignInModel model, ConsoleContext context, Consumer<ConsoleSession> onSignedIn) {
        Label title = new Label(context.text("signin.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(context.text("signin.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");

        TextField server = field(new TextField(), "server", model.serverProperty());
        TextField fingerprint = field(new TextField(), "fingerprint", model.fingerprintProperty());
        fingerprint.setPromptText(context.text("signin.fingerprint.prompt"));
        TextField username = field(new TextField(), "username", model.usernameProperty());
        username.setPromptText("admin@contoso.example");
        PasswordField password = field(new PasswordField(), "password", model.passwordProperty());
        TextField code = field(new TextField(), "code", model.codeProperty());
        code.setPromptText("123456");

        GridPane form = new GridPane(10, 10);
        int row = 0;
        for (TextInputControl input : new TextInputControl[] {server, fingerprint, username, password, code}) {
            Label label = new Label(context.text("signin." + input.getId()));
            label.setLabelFor(input);
            label.setMinWidth(USE_PREF_SIZE);
            input.setAccessibleText(label.getText());
            input.setPrefWidth(340);
            form.addRow(row++, label, input);
        }

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());

        Button signIn = new Button(context.text("signin.button"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.disableProperty().bind(context.background().busyProperty());
        signIn.setOnAction(e -> model.signIn(onSignedIn));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.setAccessibleText(context.text("common.working"));
        progress.visibleProperty().bind(context.background().busyProperty());

        VBox card = new VBox(14, title, subtitle, form, error, new javafx.scene.layout.HBox(12, signIn, progress));
        card.getStyleClass().add("sign-in-card");
        card.setPadding(new Insets(32));
        card.setMaxWidth(560);
        card.setMaxHeight(USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        // The first empty field gets the cursor once the form is on screen.
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> (model.usernameProperty().get().isBlank() ? username : password).requestFocus());
            }
        });
    }

    private static <T extends TextInputControl> T field(T input, String id,
                                                        javafx.beans.property.StringProperty property) {
        input.setId(id);
        input.textProperty().bindBidirectional(property);
        return input;
    }
}
