package org.opensspr.server.branding;

import org.jooq.DSLContext;
import org.opensspr.server.db.DbTime;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.opensspr.server.db.Tables.BRANDING_ASSET;

/** The {@code branding_asset} rows. Every method runs in the {@link DSLContext} it is given. */
final class BrandingAssetRepository {
    /** An image as stored; {@code sha256} is lower-case hex of {@code content}. */
    record StoredAsset(String id, String mediaType, byte[] content, int width, int height, String sha256,
                       Instant createdAt, String createdBy) {
    }

    void insert(DSLContext dsl, StoredAsset asset) {
        dsl.insertInto(BRANDING_ASSET)
                .set(BRANDING_ASSET.ID, asset.id())
                .set(BRANDING_ASSET.MEDIA_TYPE, asset.mediaType())
                .set(BRANDING_ASSET.CONTENT, asset.content())
                .set(BRANDING_ASSET.WIDTH, asset.width())
                .set(BRANDING_ASSET.HEIGHT, asset.height())
                .set(BRANDING_ASSET.SHA256, asset.sha256())
                .set(BRANDING_ASSET.CREATED_AT, DbTime.of(asset.createdAt()))
                .set(BRANDING_ASSET.CREATED_BY, asset.createdBy())
                .execute();
    }

    Optional<StoredAsset> find(DSLContext dsl, String id) {
        return dsl.selectFrom(BRANDING_ASSET).where(BRANDING_ASSET.ID.eq(id)).fetchOptional(r -> new StoredAsset(
                r.getId(), r.getMediaType(), r.getContent(), r.getWidth(), r.getHeight(), r.getSha256(),
                DbTime.instant(r.getCreatedAt()), r.getCreatedBy()));
    }

    /** Which of these ids name stored images. */
    Set<String> existingIds(DSLContext dsl, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(BRANDING_ASSET.ID).from(BRANDING_ASSET).where(BRANDING_ASSET.ID.in(ids))
                .fetch(BRANDING_ASSET.ID));
    }
}
