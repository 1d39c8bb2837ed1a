package org.opensspr.kiosk.branding;

import javafx.scene.image.Image;
import org.opensspr.api.BrandingDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.client.OpenSsprException;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization's branding from the server ({@code GET /api/v1/branding}, images from
 * {@code /branding/assets/{id}}). An image id names fixed bytes, so each is fetched once; a missing or
 * unreadable image leaves that picture out rather than the whole branding.
 */
public final class ServerBranding implements BrandingSource {
    /** Pictures are decoded at screen size at most: an 8000 px upload doesn't become a 250 MB bitmap. */
    private static final double BACKGROUND_WIDTH = 2560;
    private static final double BACKGROUND_HEIGHT = 1600;
    private static final double LOGO_HEIGHT = 160;

    private final OpenSsprClient client;
    private final Map<String, Image> images = new ConcurrentHashMap<>();

    public ServerBranding(OpenSsprClient client) {
        this.client = client;
    }

    @Override
    public Branding load() {
        BrandingDto branding = client.branding();
        Image logo = image(branding.logoAssetId(), 0, LOGO_HEIGHT);
        Image background = image(branding.backgroundAssetId(), BACKGROUND_WIDTH, BACKGROUND_HEIGHT);
        // Keep only what the branding uses now, so replaced pictures don't pile up over weeks.
        images.keySet().retainAll(Arrays.asList(branding.logoAssetId(), branding.backgroundAssetId()));
        return new Branding(branding.organizationName(), logo, background, branding.helpdesk(),
                branding.unlockOffered());
    }

    private Image image(String id, double width, double height) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Image cached = images.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            Image decoded = new Image(new ByteArrayInputStream(client.brandingAsset(id)), width, height, true, true);
            if (decoded.isError()) {
                return null;
            }
            images.put(id, decoded);
            return decoded;
        } catch (OpenSsprException e) {
            return null;
        }
    }
}
