package org.opensspr.console.customization;

import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.opensspr.console.ConsoleContext;
import org.opensspr.kiosk.preview.SignInPreview;

/**
 * The kiosk's real sign-in screen with the branding as edited, scaled down, following the pane as the
 * administrator types. The kiosk draws it ({@link SignInPreview}), so the preview can't drift from the
 * kiosk; many changes in one moment are drawn once.
 */
public final class KioskPreview extends StackPane {
    static final double SCALE = 0.42;

    private final CustomizationPaneModel model;
    private final SignInPreview kiosk;
    private final ImageView picture = new ImageView();
    private boolean drawPending;

    KioskPreview(CustomizationPaneModel model, ConsoleContext context) {
        this.model = model;
        this.kiosk = new SignInPreview(context.messages().locale(), context.background());
        getStyleClass().add("kiosk-preview");
        picture.setId("kioskPreview");
        picture.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        picture.setAccessibleText(context.text("customization.preview.description"));
        picture.setFitWidth(SignInPreview.WIDTH * SCALE);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        getChildren().add(picture);
        setMaxSize(SignInPreview.WIDTH * SCALE, SignInPreview.HEIGHT * SCALE);
        setMinSize(SignInPreview.WIDTH * SCALE, SignInPreview.HEIGHT * SCALE);

        model.organizationNameProperty().addListener((o, was, now) -> redraw());
        model.slot(BrandingSlot.LOGO).image().addListener((o, was, now) -> redraw());
        model.slot(BrandingSlot.BACKGROUND).image().addListener((o, was, now) -> redraw());
        draw();
    }

    /** The kiosk screen behind the picture (tests look inside it). */
    public SignInPreview kiosk() {
        return kiosk;
    }

    private void redraw() {
        if (!drawPending) {
            drawPending = true;
            Platform.runLater(this::draw);
        }
    }

    private void draw() {
        drawPending = false;
        picture.setImage(kiosk.render(model.organizationNameProperty().get(),
                model.slot(BrandingSlot.LOGO).image().get(), model.slot(BrandingSlot.BACKGROUND).image().get()));
    }
}
