package org.opensspr.kiosk.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.wizard.StepHost;

/**
 * The wizard's frame: a card with the organization's name, the current step, the message about the
 * last request, and Back / Cancel / Next. Enter presses Next and Escape cancels (or leaves, once the
 * flow is over). The frame follows the model's screen and asks {@link StepViews} for each view.
 */
public final class WizardPane extends VBox {
    private final WizardDriver model;
    private final StepViews views;
    private final StepContext context;
    private final StepHost host = new StepHost();
    private final Button back = new Button();
    private final Button cancel = new Button();
    private final Button next = new Button();
    private final Label message = new Label();
    private final Label organization = new Label();
    private final ImageView logo = new ImageView();
    private final ChangeListener<WizardScreen> onScreen = (o, old, screen) -> show(screen);
    private final ChangeListener<Branding> onBranding = (o, old, branding) -> brand(branding);
    private FlowStepView current;

    public WizardPane(StepContext context, StepViews views) {
        this.context = context;
        this.model = context.driver();
        this.views = views;
        I18n i18n = context.i18n();
        getStyleClass().add("wizard-card");
        setId("wizard");

        organization.getStyleClass().add("wizard-organization");
        logo.setFitHeight(28);
        logo.setPreserveRatio(true);
        Label heading = new Label();
        heading.textProperty().bind(i18n.text(model.headingKey()));
        heading.getStyleClass().add("wizard-heading");
        HBox brand = new HBox(logo, organization);
        brand.getStyleClass().add("wizard-brand");
        brand.setAlignment(Pos.CENTER_LEFT);

        message.textProperty().bind(i18n.textOf(model.messageKeyProperty(), model.messageArgsProperty()));
        message.setWrapText(true);
        message.setId("wizardMessage");
        message.getStyleClass().add("wizard-message");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.messageIsErrorProperty().addListener((o, was, error) -> styleMessage(error));
        styleMessage(model.messageIsErrorProperty().get());

        back.setId("wizardBack");
        back.textProperty().bind(i18n.text("wizard.back"));
        back.visibleProperty().bind(model.backAvailableProperty());
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> model.back());
        cancel.setId("wizardCancel");
        cancel.textProperty().bind(i18n.text(model.cancelKey()));
        cancel.setOnAction(e -> model.cancel());
        next.setId("wizardNext");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.disableProperty().bind(model.workingProperty());
        next.setOnAction(e -> {
            if (current != null) {
                model.next(current);
            }
        });
        ProgressIndicator working = new ProgressIndicator();
        working.accessibleTextProperty().bind(i18n.text("wizard.working"));
        working.visibleProperty().bind(model.workingProperty());
        working.getStyleClass().add("wizard-working");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(back, spacer, working, cancel, next);
        buttons.getStyleClass().add("wizard-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox.setVgrow(host, Priority.ALWAYS);
        getChildren().addAll(brand, heading, host, message, buttons);

    }

    /** Start following the model (call when the pane goes on screen). */
    public void attach() {
        model.screenProperty().addListener(onScreen);
        context.branding().brandingProperty().addListener(onBranding);
        brand(context.branding().current());
        show(model.screenProperty().get());
    }

    /** Stop following the model and hide the current step (call when the pane leaves the screen). */
    public void detach() {
        model.screenProperty().removeListener(onScreen);
        context.branding().brandingProperty().removeListener(onBranding);
        host.clear();
        current = null;
    }

    private void show(WizardScreen screen) {
        if (screen == null) {
            return;
        }
        current = views.create(context, screen);
        I18n i18n = context.i18n();
        next.textProperty().bind(i18n.text(current.nextKey()));
        next.disableProperty().bind(Bindings.or(model.workingProperty(), Bindings.not(current.ready())));
        cancel.setVisible(current.cancellable());
        cancel.setManaged(current.cancellable());
        host.show(current);
        if (current.initialFocus() == null) {
            // Keep the keyboard somewhere useful: Tab and Enter go on from the Next button.
            javafx.application.Platform.runLater(next::requestFocus);
        }
    }

    /**
     * Escape: back from a step inside a step, cancel while the flow runs, leave once it is over. The kiosk calls this from a scene-wide
     * filter, so it works whatever has the focus (a focused button would swallow a cancel accelerator,
     * and after a step changes the focus may be nowhere).
     */
    public void escape() {
        if (current == null) {
            return;
        }
        if (current.escapeGoesBack() && model.backAvailableProperty().get()) {
            model.back();
        } else if (current.cancellable()) {
            model.cancel();
        } else {
            model.next(current);
        }
    }

    private void brand(Branding branding) {
        organization.setText(branding.organizationName());
        logo.setImage(branding.logo());
        logo.setVisible(branding.logo() != null);
        logo.setManaged(branding.logo() != null);
    }

    private void styleMessage(boolean error) {
        message.getStyleClass().removeAll("message-error", "message-info");
        message.getStyleClass().add(error ? "message-error" : "message-info");
    }

    /** The step on screen (tests look at it). */
    public FlowStepView currentStep() {
        return current;
    }
}
