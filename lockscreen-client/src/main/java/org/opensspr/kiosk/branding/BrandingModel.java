package org.opensspr.kiosk.branding;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.opensspr.ui.tasks.Background;

/**
 * The branding the screens show. Loaded at start and again whenever the kiosk goes back to the sign-in
 * screen, so an administrator's change reaches the kiosk without a restart; a failed load keeps the last
 * good branding (the kiosk must still work, and still name the helpdesk, when the server is down).
 */
public final class BrandingModel {
    private final BrandingSource source;
    private final Background background;
    private final ReadOnlyObjectWrapper<Branding> current = new ReadOnlyObjectWrapper<>(this, "branding", Branding.NONE);
    private long latest; // FX thread only

    public BrandingModel(BrandingSource source, Background background) {
        this.source = source;
        this.background = background;
    }

    /** Call on the FX thread. Only the latest load counts: an older answer arriving after it is dropped. */
    public void refresh() {
        long asked = ++latest;
        background.run(source::load, loaded -> {
            if (asked == latest) {
                current.set(loaded);
            }
        }, failure -> { });
    }

    /** Shows {@code branding} at once, without asking the source (a preview, whose branding is being edited). */
    public void show(Branding branding) {
        latest++; // a load still on its way mustn't replace what is shown now
        current.set(branding);
    }

    public Branding current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Branding> brandingProperty() {
        return current.getReadOnlyProperty();
    }
}
