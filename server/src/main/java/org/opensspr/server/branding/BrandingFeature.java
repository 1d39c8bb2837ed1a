package org.opensspr.server.branding;

import io.javalin.http.HandlerType;
import org.opensspr.api.BrandingAssetDto;
import org.opensspr.api.BrandingDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.UploadLimits;
import org.opensspr.directory.Permission;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.BinaryResponse;

import java.util.List;
import java.util.function.Supplier;

/**
 * Branding for the lock screen: what it shows before anyone signs in, and the images an administrator
 * uploads for it. Reading is self-service (kiosks with or without a credential, and consoles).
 */
public final class BrandingFeature {
    private final BrandingAssets assets;
    private final Supplier<SsprPolicy> currentPolicy;

    public BrandingFeature(BrandingAssets assets, Supplier<SsprPolicy> currentPolicy) {
        this.assets = assets;
        this.currentPolicy = currentPolicy;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(HandlerType.GET, "/branding",
                                "What the lock screen shows: organization name, logo, background, helpdesk, unlock",
                                Access.SELF_SERVICE)
                        .returns(BrandingDto.class)
                        .handle(r -> brandingOf(currentPolicy.get())),
                ApiRoute.route(HandlerType.POST, "/branding/assets",
                                "Upload a logo or background (raw PNG or JPEG, at most "
                                        + UploadLimits.mebibytes(UploadLimits.BRANDING_IMAGE_BYTES)
                                        + " MiB and 8000×8000 pixels)",
                                Access.admin(Permission.MANAGE_POLICY))
                        .rawBody(BrandingAssets.MEDIA_TYPES, UploadLimits.BRANDING_IMAGE_BYTES)
                        .errors(ErrorCode.INVALID_VALUE) // not a sound image, or too many pixels
                        .returns(BrandingAssetDto.class).status(201)
                        .handle(r -> assets.upload(r.rawBody(), r.contentType(), r.admin().userPrincipalName())),
                ApiRoute.route(HandlerType.GET, "/branding/assets/{id}",
                                "An uploaded image's bytes (strong ETag; cache for good)", Access.SELF_SERVICE)
                        .returns(BinaryResponse.class)
                        .handle(r -> assets.image(r.path("id"))),
                // The console previews the images wherever the administrator works; kiosk networks don't apply.
                ApiRoute.route(HandlerType.GET, "/policy/branding-assets/{id}",
                                "An uploaded image's bytes, for administrators who may read the policy",
                                Access.admin(Permission.READ_POLICY))
                        .returns(BinaryResponse.class)
                        .handle(r -> assets.image(r.path("id"))));
    }

    static BrandingDto brandingOf(SsprPolicy policy) {
        CustomizationPolicy customization = policy.customization();
        return new BrandingDto(customization.organizationName(), customization.logoAssetId(),
                customization.backgroundAssetId(), HelpdeskContactDto.of(customization),
                policy.onPremises().unlockWithoutReset());
    }
}
