package org.opensspr.console.customization;

/** The two images the kiosk's sign-in screen can show, and the policy field that names each. */
public enum BrandingSlot {
    LOGO("customization.logoAssetId"),
    BACKGROUND("customization.backgroundAssetId");

    private final String field;

    BrandingSlot(String field) {
        this.field = field;
    }

    /** The policy field path, as the validator and the server name it. */
    public String field() {
        return field;
    }

    /** For ids and text keys, e.g. {@code customization.image.logo}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
