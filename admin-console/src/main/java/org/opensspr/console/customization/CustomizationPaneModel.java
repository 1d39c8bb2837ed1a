package org.opensspr.console.customization;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;
import org.opensspr.api.BrandingAssetDto;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.SsprPolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customization: the helpdesk link, the organization name, and the logo and background the kiosk shows.
 * Images are uploaded when chosen (the server keeps them by id) and named by the policy only on save.
 */
public final class CustomizationPaneModel extends PolicyPaneModel {
    private final ConsoleContext context;
    private final BrandingImages store;
    private final BooleanProperty customHelpdeskLink = new SimpleBooleanProperty();
    private final StringProperty helpdesk = new SimpleStringProperty("");
    private final StringProperty organizationName = new SimpleStringProperty("");
    private final Map<BrandingSlot, Slot> slots = new EnumMap<>(BrandingSlot.class);
    /** Images by id: an id's bytes never change, so each is fetched once. */
    private final Map<String, Image> images = new HashMap<>();

    /** One image's state: the id the policy will name, the picture, and what the last upload said. */
    public record Slot(StringProperty assetId, ObjectProperty<Image> image, StringProperty status, BooleanProperty failed) {
    }

    public CustomizationPaneModel(ConsoleContext context, BrandingImages store) {
        this.context = context;
        this.store = store;
        for (BrandingSlot slot : BrandingSlot.values()) {
            slots.put(slot, new Slot(new SimpleStringProperty(""), new SimpleObjectProperty<>(),
                    new SimpleStringProperty(""), new SimpleBooleanProperty()));
            watch(slots.get(slot).assetId());
        }
        watch(customHelpdeskLink, helpdesk, organizationName);
    }

    @Override
    protected void read(SsprPolicy policy) {
        CustomizationPolicy c = policy.customization();
        customHelpdeskLink.set(c.customHelpdeskLink());
        helpdesk.set(c.helpdeskEmailOrUrl());
        organizationName.set(c.organizationName());
        slot(BrandingSlot.LOGO).assetId().set(c.logoAssetId());
        slot(BrandingSlot.BACKGROUND).assetId().set(c.backgroundAssetId());
        for (BrandingSlot each : BrandingSlot.values()) {
            slot(each).status().set("");
            slot(each).failed().set(false);
            showStored(each);
        }
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        return policy.withCustomization(new CustomizationPolicy(customHelpdeskLink.get(), helpdesk.get(),
                organizationName.get(), slot(BrandingSlot.LOGO).assetId().get(),
                slot(BrandingSlot.BACKGROUND).assetId().get()));
    }

    @Override
    public String key() {
        return "customization";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("customization.");
    }

    /** Uploads {@code file} (PNG or JPEG) and shows it; the policy names it from the next save. Call on the FX thread. */
    public void upload(BrandingSlot which, Path file) {
        Slot slot = slot(which);
        slot.status().set(context.text("customization.image.uploading"));
        slot.failed().set(false);
        context.background().run(() -> {
            ImageFiles.ImageFile read = ImageFiles.read(file);
            BrandingAssetDto stored = store.upload(read.bytes(), read.mediaType());
            return Map.entry(stored, new Image(new ByteArrayInputStream(read.bytes())));
        }, done -> {
            BrandingAssetDto stored = done.getKey();
            images.put(stored.id(), done.getValue());
            slot.assetId().set(stored.id());
            slot.image().set(done.getValue());
            slot.status().set(context.text("customization.image.uploaded", file.getFileName().toString(),
                    stored.width(), stored.height()));
        }, failure -> {
            slot.failed().set(true);
            slot.status().set(failure instanceof ImageFiles.RefusedFileException refused ? context.text(refused.textKey(), refused.args())
                    : failure instanceof IOException ? context.text("customization.image.unreadable", file.getFileName().toString())
                    : context.text("customization.image.refused", CallFailures.describe(context, failure)));
        });
    }

    /** The kiosk shows no such image any more (from the next save). */
    public void remove(BrandingSlot which) {
        Slot slot = slot(which);
        slot.assetId().set("");
        slot.image().set(null);
        slot.status().set("");
        slot.failed().set(false);
    }

    /** Shows the image the policy names, fetching it once. */
    private void showStored(BrandingSlot which) {
        Slot slot = slot(which);
        String id = slot.assetId().get();
        if (id.isEmpty() || images.containsKey(id)) {
            slot.image().set(id.isEmpty() ? null : images.get(id));
            return;
        }
        slot.image().set(null);
        context.background().run(() -> new Image(new ByteArrayInputStream(store.download(id))), image -> {
            images.put(id, image);
            if (id.equals(slot.assetId().get())) {
                slot.image().set(image);
            }
        }, failure -> {
            if (id.equals(slot.assetId().get())) {
                slot.failed().set(true);
                slot.status().set(context.text("customization.image.notLoaded", CallFailures.describe(context, failure)));
            }
        });
    }

    public Slot slot(BrandingSlot which) {
        return slots.get(which);
    }

    public BooleanProperty customHelpdeskLinkProperty() {
        return customHelpdeskLink;
    }

    public StringProperty helpdeskProperty() {
        return helpdesk;
    }

    public StringProperty organizationNameProperty() {
        return organizationName;
    }
}
