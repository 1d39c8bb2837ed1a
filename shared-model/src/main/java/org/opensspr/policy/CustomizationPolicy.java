package org.opensspr.policy;

/**
 * Customization pane: the helpdesk contact shown at every dead end, and the branding of the kiosk.
 * Empty strings mean "not set"; logo and background refer to images the server stores.
 */
public record CustomizationPolicy(boolean customHelpdeskLink, String helpdeskEmailOrUrl, String organizationName,
                                  String logoAssetId, String backgroundAssetId) {
    public static final int MAX_ORGANIZATION_NAME_LENGTH = 256;
    public static final int MAX_HELPDESK_CONTACT_LENGTH = 2048;

    public CustomizationPolicy {
        helpdeskEmailOrUrl = Copies.text(helpdeskEmailOrUrl).strip();
        organizationName = Copies.text(organizationName).strip();
        logoAssetId = Copies.text(logoAssetId);
        backgroundAssetId = Copies.text(backgroundAssetId);
    }

    public static CustomizationPolicy defaults() {
        return new CustomizationPolicy(false, "", "", "", "");
    }
}
