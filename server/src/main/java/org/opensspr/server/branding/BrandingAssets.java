package org.opensspr.server.branding;

import org.opensspr.api.BrandingAssetDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.PolicyViolationCode;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.BinaryResponse;
import org.opensspr.server.policy.PolicyReferenceCheck;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The kiosk's branding images: stored once checked to be real PNG or JPEG images, served with a strong
 * tag, and the policy may only name images stored here.
 */
public final class BrandingAssets implements PolicyReferenceCheck {
    public static final String MEDIA_TYPES = "image/png, image/jpeg";
    /** Ids are UUIDs; anything longer can't be one, so it isn't looked up. */
    private static final int MAX_ID_LENGTH = 64;

    private final Database database;
    private final Clock clock;
    private final BrandingAssetRepository repository = new BrandingAssetRepository();

    public BrandingAssets(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores the image if it is a sound PNG or JPEG of {@code mediaType} within 8000×8000 pixels. */
    public BrandingAssetDto upload(byte[] bytes, String mediaType, String administrator) {
        if (!ImageInspector.supports(mediaType)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the image as image/png or image/jpeg.");
        }
        ImageInspector.Dimensions size = ImageInspector.inspect(bytes, mediaType);
        var asset = new BrandingAssetRepository.StoredAsset(UUID.randomUUID().toString(), mediaType, bytes.clone(),
                size.width(), size.height(), sha256Hex(bytes), DbTime.now(clock), administrator);
        database.inTransactionDo(tx -> repository.insert(tx, asset));
        return new BrandingAssetDto(asset.id(), mediaType, size.width(), size.height());
    }

    /** The image's bytes, cacheable for good: an id's bytes never change. */
    public BinaryResponse image(String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw ApiException.notFound("The image");
        }
        var asset = repository.find(database.dsl(), id).orElseThrow(() -> ApiException.notFound("The image"));
        return new BinaryResponse(asset.mediaType(), asset.content(), "\"" + asset.sha256() + "\"",
                BinaryResponse.IMMUTABLE);
    }

    /** The policy's logo and background must be stored images (or unset). */
    @Override
    public List<PolicyViolation> violations(SsprPolicy policy) {
        CustomizationPolicy customization = policy.customization();
        Map<String, String> idByField = new LinkedHashMap<>();
        idByField.put("customization.logoAssetId", customization.logoAssetId());
        idByField.put("customization.backgroundAssetId", customization.backgroundAssetId());
        idByField.values().removeIf(String::isEmpty);
        Set<String> stored = repository.existingIds(database.dsl(),
                idByField.values().stream().filter(id -> id.length() <= MAX_ID_LENGTH).distinct().toList());
        List<PolicyViolation> violations = new ArrayList<>();
        idByField.forEach((field, id) -> {
            if (!stored.contains(id)) {
                violations.add(new PolicyViolation(PolicyViolationCode.BRANDING_ASSET_UNKNOWN, field,
                        "No uploaded image has the id \"" + shorten(id) + "\"; upload the image first."));
            }
        });
        return violations;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ID_LENGTH ? text : text.substring(0, MAX_ID_LENGTH - 3) + "...";
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
