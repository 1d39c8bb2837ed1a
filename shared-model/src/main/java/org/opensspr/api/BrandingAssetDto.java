package org.opensspr.api;

/**
 * An image stored for the kiosk's branding ({@code POST /api/v1/branding/assets}); the policy's
 * customization refers to it by {@code id}.
 *
 * @param mediaType {@code image/png} or {@code image/jpeg}
 * @param width     in pixels
 * @param height    in pixels
 */
public record BrandingAssetDto(String id, String mediaType, int width, int height) {
}
