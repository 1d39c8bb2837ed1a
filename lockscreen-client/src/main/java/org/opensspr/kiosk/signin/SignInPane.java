package org.opensspr.kiosk.signin;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.i18n.I18n;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The sign-in screen: the organization's name and logo, the clock, and the "Other user" tile — never a
 * previous person's name — with user name and password. Below them the ways out: "Reset password"
 * after a wrong password, "Unlock account" when locked (and allowed), and always "Can't access your account?";
 * last, as Windows has it, "Sign-in options": the password or a Temporary Access Pass in the same field.
 */
public final class SignInPane extends BorderPane {
    private final SignInPaneModel model;
    private final BrandingModel branding;
    private final ClockView clock;
    private final TextField userName = new TextField();
    private final PasswordField password = new PasswordField();
    private final ToggleGroup methods = new ToggleGroup();
    private final Label organization = new Label();
    private final ImageView logo = new ImageView();
    private final ChangeListener<Branding> onBranding = (o, old, now) -> brand(now);

    public SignInPane(SignInPaneModel model, I18n i18n, BrandingModel branding, Clock time) {
        this.model = model;
        this.branding = branding;
        this.clock = new ClockView(i18n, time);
        getStyleClass().add("sign-in");
        setId("signIn");

        Label title = new Label();
        title.textProperty().bind(i18n.text("signin.otherUser"));
        title.getStyleClass().add("user-tile-name");
        title.setId("otherUserTile");

        userName.setId("userName");
        userName.promptTextProperty().bind(i18n.text("signin.userName"));
        userName.accessibleTextProperty().bind(i18n.text("signin.userName"));
        userName.getStyleClass().add("lock-field");
        userName.textProperty().bindBidirectional(model.userNameProperty());
        password.setId("password");
        var fieldName = Bindings.when(model.methodProperty().isEqualTo(SignInMethod.TEMPORARY_ACCESS_PASS))
                .then(i18n.text("signin.pass")).otherwise(i18n.text("signin.password"));
        password.promptTextProperty().bind(fieldName);
        password.accessibleTextProperty().bind(fieldName);
        password.getStyleClass().add("lock-field");
        password.textProperty().bindBidirectional(model.passwordProperty());
        userName.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> model.signIn());
        Button submit = new Button("\u2192");
        submit.setId("signInButton");
        submit.accessibleTextProperty().bind(i18n.text("signin.submit"));
        submit.getStyleClass().add("lock-submit");
        submit.disableProperty().bind(model.workingProperty());
        submit.setOnAction(e -> model.signIn());
        HBox passwordRow = new HBox(password, submit);
        HBox.setHgrow(password, Priority.ALWAYS);
        passwordRow.getStyleClass().add("password-row");

        Label message = new Label();
        message.setId("signInMessage");
        message.setWrapText(true);
        message.getStyleClass().add("lock-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> messageText(i18n),
                model.messageKeyProperty(), model.lockedUntilProperty(), model.methodProperty(), i18n.languageProperty()));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Hyperlink reset = link(i18n, "resetPassword", "signin.resetPassword", model::resetPassword);
        reset.visibleProperty().bind(model.resetOfferedProperty());
        reset.managedProperty().bind(reset.visibleProperty());
        Hyperlink unlock = link(i18n, "unlockAccount", "signin.unlockAccount", model::unlockAccount);
        unlock.visibleProperty().bind(model.unlockOfferedProperty());
        unlock.managedProperty().bind(unlock.visibleProperty());
        Hyperlink cantAccess = link(i18n, "cantAccess", "signin.cantAccess", model::cantAccessAccount);

        ToggleButton withPassword = option(i18n, SignInMethod.PASSWORD, "signInWithPassword", "signin.option.password");
        ToggleButton withPass = option(i18n, SignInMethod.TEMPORARY_ACCESS_PASS, "signInWithPass",
                "signin.option.pass");
        FlowPane choices = new FlowPane(withPassword, withPass); // side by side; one above the other if words run long
        choices.setId("signInOptionChoices");
        choices.getStyleClass().add("sign-in-options");
        choices.setAlignment(Pos.CENTER);
        choices.visibleProperty().bind(model.optionsShownProperty());
        choices.managedProperty().bind(choices.visibleProperty());
        Hyperlink options = link(i18n, "signInOptions", "signin.options", () -> {
            model.toggleOptions();
            if (model.optionsShownProperty().get()) {
                ((ToggleButton) methods.getSelectedToggle()).requestFocus();
            }
        });
        // The group follows the model: pressing the chosen option again (Space, Enter) leaves it chosen.
        model.methodProperty().addListener((o, old, now) -> select(now));
        select(model.methodProperty().get());

        VBox signInOptions = new VBox(options, choices);
        signInOptions.getStyleClass().add("sign-in-options-section");
        signInOptions.setAlignment(Pos.CENTER);

        VBox tile = new VBox(new UserAvatar(64), title, userName, passwordRow, message, reset, unlock, cantAccess,
                signInOptions);
        tile.getStyleClass().add("user-tile");
        tile.setAlignment(Pos.CENTER);
        tile.setMaxWidth(360);
        setCenter(tile);

        organization.getStyleClass().add("organization-name");
        organization.setId("organizationName");
        logo.setFitHeight(40);
        logo.setPreserveRatio(true);
        HBox badge = new HBox(logo, organization);
        badge.getStyleClass().add("organization-badge");
        badge.setAlignment(Pos.CENTER_LEFT);
        setTop(badge);
        setBottom(clock);
        BorderPane.setAlignment(clock, Pos.BOTTOM_LEFT);
    }

    /** The last attempt's message; with none, what a pass is for while the pass is chosen. */
    private String messageText(I18n i18n) {
        String key = model.messageKeyProperty().get();
        if (key == null || key.isEmpty()) {
            return model.methodProperty().get() == SignInMethod.TEMPORARY_ACCESS_PASS ? i18n.get("signin.passHint") : "";
        }
        if (model.lockedUntilProperty().get() != null && key.equals("signin.lockedUntil")) {
            return i18n.get(key, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale())
                    .withZone(ZoneId.systemDefault()).format(model.lockedUntilProperty().get()));
        }
        return i18n.get(key);
    }

    private ToggleButton option(I18n i18n, SignInMethod method, String id, String key) {
        ToggleButton option = new ToggleButton();
        option.setId(id);
        option.setUserData(method);
        option.setToggleGroup(methods);
        option.textProperty().bind(i18n.text(key));
        option.getStyleClass().add("sign-in-option");
        option.disableProperty().bind(model.workingProperty());
        option.setOnAction(e -> {
            model.use(method);
            select(model.methodProperty().get());
            password.requestFocus();
        });
        return option;
    }

    private void select(SignInMethod method) {
        methods.getToggles().stream().filter(toggle -> toggle.getUserData() == method).findFirst()
                .ifPresent(methods::selectToggle);
    }

    private static Hyperlink link(I18n i18n, String id, String key, Runnable action) {
        Hyperlink link = new Hyperlink();
        link.setId(id);
        link.textProperty().bind(i18n.text(key));
        link.getStyleClass().add("lock-link");
        link.setOnAction(e -> action.run());
        return link;
    }

    /** On screen: the clock ticks and the branding is followed. */
    public void onShow() {
        clock.start();
        branding.brandingProperty().addListener(onBranding);
        brand(branding.current());
    }

    public void onHide() {
        clock.stop();
        branding.brandingProperty().removeListener(onBranding);
    }

    public Node initialFocus() {
        return userName;
    }

    private void brand(Branding current) {
        organization.setText(current.organizationName());
        logo.setImage(current.logo());
        logo.setVisible(current.logo() != null);
        logo.setManaged(current.logo() != null);
    }

    public SignInPaneModel model() {
        return model;
    }
}
