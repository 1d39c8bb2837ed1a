package org.opensspr.console.customization;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.opensspr.api.UploadLimits;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.io.File;

/** One branding image: a thumbnail, "Choose image…" (uploads at once), "Remove", and what the upload said. */
final class BrandingImagePicker extends VBox {
    private final HBox buttons;

    BrandingImagePicker(CustomizationPaneModel model, ConsoleContext context, BrandingSlot which) {
        super(6);
        CustomizationPaneModel.Slot slot = model.slot(which);
        String name = context.text("customization.image." + which.key());

        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(176);
        view.setFitHeight(96);
        view.imageProperty().bind(slot.image());
        Label none = new Label(context.text("customization.image.none"));
        none.getStyleClass().add("muted");
        none.visibleProperty().bind(slot.assetId().isEmpty());
        Label loading = new Label(context.text("common.working"));
        loading.getStyleClass().add("muted");
        loading.visibleProperty().bind(slot.assetId().isNotEmpty().and(slot.image().isNull()).and(slot.failed().not()));
        StackPane thumbnail = new StackPane(view, none, loading);
        thumbnail.getStyleClass().add("image-thumb");
        thumbnail.setId(which.key() + "Thumbnail");
        thumbnail.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        thumbnail.accessibleTextProperty().bind(javafx.beans.binding.Bindings.when(slot.assetId().isEmpty())
                .then(context.text("customization.image.none.named", name))
                .otherwise(context.text("customization.image.thumbnail", name)));

        Button choose = new Button(context.text("customization.image.choose"));
        choose.setId("choose-" + which.key());
        choose.setAccessibleText(context.text("customization.image.choose.named", name));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(context.text("customization.image.choose.named", name));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    context.text("customization.image.files"), "*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.upload(which, file.toPath());
            }
        });
        Button remove = new Button(context.text("customization.image.remove"));
        remove.setId("remove-" + which.key());
        remove.setAccessibleText(context.text("customization.image.remove.named", name));
        remove.disableProperty().bind(slot.assetId().isEmpty());
        remove.setOnAction(e -> model.remove(which));
        buttons = new HBox(8, choose, remove);

        Label status = new Label();
        status.setId(which.key() + "Status");
        status.setWrapText(true);
        status.textProperty().bind(slot.status());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        Runnable statusStyle = () -> status.getStyleClass().setAll("label", slot.failed().get() ? "field-error" : "muted");
        slot.failed().addListener(o -> statusStyle.run());
        statusStyle.run();

        VBox side = new VBox(8, buttons, PaneText.note(context.text("customization.image." + which.key() + ".help",
                UploadLimits.mebibytes(UploadLimits.BRANDING_IMAGE_BYTES))), status);
        HBox row = new HBox(14, thumbnail, side);
        row.setAlignment(Pos.TOP_LEFT);
        Label title = new Label(name);
        title.getStyleClass().add("field-title");
        getChildren().addAll(title, row);
    }

    /** What a role without MANAGE_POLICY can't use. */
    HBox editingControls() {
        return buttons;
    }
}
