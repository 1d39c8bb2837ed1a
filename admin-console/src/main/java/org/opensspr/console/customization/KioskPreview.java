package org.opensspr.console.customization;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundImage;
import javafx.scene.layout.BackgroundPosition;
import javafx.scene.layout.BackgroundRepeat;
import javafx.scene.layout.BackgroundSize;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import org.opensspr.console.ConsoleContext;

/**
 * A scaled-down mock-up of the kiosk's sign-in screen that follows the pane as the administrator types:
 * background, logo and organization name, the "Other user" tile, user name and password fields, and the
 * "Can't access your account?" link. Drawn at kiosk size (1280×800) and scaled, so proportions hold.
 */
final class KioskPreview extends StackPane {
    static final double SCREEN_WIDTH = 1280;
    static final double SCREEN_HEIGHT = 800;
    static final double SCALE = 0.42;
    private static final String PERSON = "M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-9 2.2-9 5v3h18v-3c0-2.8-4.6-5-9-5z";

    KioskPreview(CustomizationPaneModel model, ConsoleContext context) {
        getStyleClass().add("kiosk-preview");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(context.text("customization.preview.description"));
        setMouseTransparent(true);

        Region defaultBackground = new Region();
        defaultBackground.getStyleClass().add("kiosk-default-background");
        Region imageBackground = new Region(); // styled from code only: no CSS class may override its background
        model.slot(BrandingSlot.BACKGROUND).image().addListener((o, was, now) -> imageBackground.setBackground(cover(now)));
        imageBackground.setBackground(cover(model.slot(BrandingSlot.BACKGROUND).image().get()));
        Region shade = new Region();
        shade.getStyleClass().add("kiosk-shade");

        ImageView logo = new ImageView();
        logo.setId("previewLogo");
        logo.setPreserveRatio(true);
        logo.setFitHeight(90);
        logo.setFitWidth(300);
        logo.imageProperty().bind(model.slot(BrandingSlot.LOGO).image());
        logo.visibleProperty().bind(logo.imageProperty().isNotNull());
        logo.managedProperty().bind(logo.visibleProperty());
        Label organization = new Label();
        organization.setId("previewOrganization");
        organization.getStyleClass().add("kiosk-organization");
        organization.textProperty().bind(model.organizationNameProperty());
        organization.visibleProperty().bind(model.organizationNameProperty().isNotEmpty());
        HBox brand = new HBox(24, logo, organization);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("kiosk-brand");

        Label userName = new Label(context.text("customization.preview.otherUser"));
        userName.getStyleClass().add("kiosk-user-name");
        Label userField = field(context.text("customization.preview.userName"));
        Label passwordField = field(context.text("customization.preview.password"));
        Label arrow = new Label("→");
        arrow.getStyleClass().add("kiosk-submit");
        HBox passwordRow = new HBox(0, passwordField, arrow);
        passwordRow.setAlignment(Pos.CENTER);
        Label link = new Label(context.text("customization.preview.cantAccess"));
        link.setId("previewLink");
        link.getStyleClass().add("kiosk-link");
        VBox signIn = new VBox(22, avatar(180), userName, userField, passwordRow, link);
        signIn.setAlignment(Pos.CENTER);

        Label tileName = new Label(context.text("customization.preview.otherUser"));
        tileName.getStyleClass().add("kiosk-tile-name");
        HBox tile = new HBox(16, avatar(56), tileName);
        tile.setAlignment(Pos.CENTER_LEFT);
        tile.getStyleClass().add("kiosk-tile");
        HBox tiles = new HBox(tile);
        tiles.getStyleClass().add("kiosk-tiles");

        BorderPane overlay = new BorderPane(signIn, brand, null, tiles, null);
        StackPane screen = new StackPane(defaultBackground, imageBackground, shade, overlay);
        screen.getStyleClass().add("kiosk-screen");
        screen.setPrefSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        screen.setMinSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        screen.setMaxSize(SCREEN_WIDTH, SCREEN_HEIGHT);
        screen.getTransforms().add(new Scale(SCALE, SCALE, 0, 0));
        getChildren().add(new Group(screen));
        setMaxSize(SCREEN_WIDTH * SCALE, SCREEN_HEIGHT * SCALE);
        setMinSize(SCREEN_WIDTH * SCALE, SCREEN_HEIGHT * SCALE);
        organization.accessibleTextProperty().bind(Bindings.concat(context.text("customization.organization"), " ",
                model.organizationNameProperty()));
    }

    private static Label field(String prompt) {
        Label field = new Label(prompt);
        field.getStyleClass().add("kiosk-field");
        field.setPrefWidth(420);
        return field;
    }

    private static StackPane avatar(double size) {
        Circle circle = new Circle(size / 2);
        circle.getStyleClass().add("kiosk-avatar");
        SVGPath person = new SVGPath();
        person.setContent(PERSON);
        person.getStyleClass().add("kiosk-avatar-person");
        double scale = size / 24 * 0.6;
        person.setScaleX(scale);
        person.setScaleY(scale);
        return new StackPane(circle, person);
    }

    /** The image covering the whole screen, cropped rather than stretched; no background without an image. */
    private static Background cover(Image image) {
        return image == null ? null : new Background(new BackgroundImage(image, BackgroundRepeat.NO_REPEAT,
                BackgroundRepeat.NO_REPEAT, BackgroundPosition.CENTER, new BackgroundSize(1, 1, true, true, false, true)));
    }
}
