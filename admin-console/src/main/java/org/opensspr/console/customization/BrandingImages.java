package org.opensspr.console.customization;

import org.opensspr.api.BrandingAssetDto;
import org.opensspr.client.OpenSsprClient;

/** Where branding images are stored: the server, through the client. */
public interface BrandingImages {

    /** Stores a PNG or JPEG; the answer's id is what the policy names. */
    BrandingAssetDto upload(byte[] bytes, String mediaType);

    /** A stored image's bytes. */
    byte[] download(String id);

    static BrandingImages of(OpenSsprClient client) {
        return new BrandingImages() {
            @Override
            public BrandingAssetDto upload(byte[] bytes, String mediaType) {
                return client.uploadBrandingAsset(bytes, mediaType);
            }

            @Override
            public byte[] download(String id) {
                return client.policyBrandingAsset(id);
            }
        };
    }
}
