package org.opensspr.server.kiosk;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.opensspr.server.db.tables.Kiosk;
import org.opensspr.server.db.tables.KioskEnrollmentCode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.opensspr.server.db.Tables.KIOSK;
import static org.opensspr.server.db.Tables.KIOSK_ENROLLMENT_CODE;

/** The kiosk and kiosk_enrollment_code tables. Every method runs in the caller's transaction. */
final class KioskRepository {
    private static final Kiosk K = KIOSK;
    private static final KioskEnrollmentCode C = KIOSK_ENROLLMENT_CODE;

    /** The expiry of a kiosk's unused code, as a column of the kiosk query. */
    private static final Field<OffsetDateTime> PENDING_CODE_EXPIRES_AT = select(max(C.EXPIRES_AT))
            .from(C).where(C.KIOSK_ID.eq(K.ID)).and(C.USED_AT.isNull())
            .asField("pending_code_expires_at");

    private static final List<SelectField<?>> ROW_FIELDS = List.of(K.ID, K.NAME, K.DEVICE_NAME, K.CREATED_BY,
            K.CREATED_AT, K.ENROLLED_AT, K.LAST_SEEN_AT, K.LAST_SEEN_ADDRESS, K.REVOKED_AT, PENDING_CODE_EXPIRES_AT);

    void insertKiosk(DSLContext dsl, String id, String name, String createdBy, OffsetDateTime createdAt) {
        dsl.insertInto(K)
                .set(K.ID, id)
                .set(K.NAME, name)
                .set(K.CREATED_BY, createdBy)
                .set(K.CREATED_AT, createdAt)
                .execute();
    }

    void insertCode(DSLContext dsl, String codeHash, String kioskId, OffsetDateTime expiresAt) {
        dsl.insertInto(C)
                .set(C.CODE_HASH, codeHash)
                .set(C.KIOSK_ID, kioskId)
                .set(C.EXPIRES_AT, expiresAt)
                .execute();
    }

    /**
     * Marks an unused, unexpired code of a kiosk that is neither enrolled nor revoked as used, and
     * says whose it was. One conditional update, so two servers can't both redeem one code.
     */
    Optional<String> redeemCode(DSLContext dsl, String codeHash, OffsetDateTime now) {
        Optional<String> kioskId = dsl.select(C.KIOSK_ID).from(C).where(C.CODE_HASH.eq(codeHash))
                .fetchOptional(C.KIOSK_ID);
        if (kioskId.isEmpty()) {
            return Optional.empty();
        }
        int redeemed = dsl.update(C)
                .set(C.USED_AT, now)
                .where(C.CODE_HASH.eq(codeHash))
                .and(C.USED_AT.isNull())
                .and(C.EXPIRES_AT.gt(now))
                .and(C.KIOSK_ID.in(select(K.ID).from(K).where(K.ENROLLED_AT.isNull()).and(K.REVOKED_AT.isNull())))
                .execute();
        return redeemed == 1 ? kioskId : Optional.empty();
    }

    void completeEnrollment(DSLContext dsl, String kioskId, String credentialHash, String deviceName,
                            OffsetDateTime now, String address) {
        dsl.update(K)
                .set(K.CREDENTIAL_HASH, credentialHash)
                .set(K.DEVICE_NAME, deviceName)
                .set(K.ENROLLED_AT, now)
                .set(K.LAST_SEEN_AT, now)
                .set(K.LAST_SEEN_ADDRESS, address)
                .where(K.ID.eq(kioskId))
                .execute();
    }

    /** The lean look-up of every kiosk call: the kiosk's own columns only, through the unique index. */
    Optional<KioskRow> findByCredentialHash(DSLContext dsl, String credentialHash) {
        return dsl.selectFrom(K).where(K.CREDENTIAL_HASH.eq(credentialHash)).fetchOptional()
                .map(r -> new KioskRow(r.getId(), r.getName(), r.getDeviceName(), r.getCreatedBy(), r.getCreatedAt(),
                        r.getEnrolledAt(), r.getLastSeenAt(), r.getLastSeenAddress(), r.getRevokedAt(), null));
    }

    Optional<KioskRow> find(DSLContext dsl, String id) {
        return selectRows(dsl).where(K.ID.eq(id)).fetchOptional(KioskRepository::row);
    }

    List<KioskRow> page(DSLContext dsl, int page, int size) {
        return selectRows(dsl).orderBy(lower(K.NAME), K.CREATED_AT, K.ID)
                .limit(size).offset((long) page * size)
                .fetch(KioskRepository::row);
    }

    int count(DSLContext dsl) {
        return dsl.fetchCount(K);
    }

    /**
     * Records a call unless the last one recorded is later than {@code seenBefore} — at most one write a
     * minute per kiosk, however often it calls, and only one server wins when several see it.
     */
    boolean touch(DSLContext dsl, String kioskId, OffsetDateTime now, OffsetDateTime seenBefore, String address) {
        return dsl.update(K)
                .set(K.LAST_SEEN_AT, now)
                .set(K.LAST_SEEN_ADDRESS, address)
                .where(K.ID.eq(kioskId))
                .and(K.LAST_SEEN_AT.isNull().or(K.LAST_SEEN_AT.le(seenBefore)))
                .execute() == 1;
    }

    /** Revokes a kiosk that isn't yet; its unused codes go with it. False when already revoked. */
    boolean revoke(DSLContext dsl, String kioskId, OffsetDateTime now) {
        dsl.deleteFrom(C).where(C.KIOSK_ID.eq(kioskId)).and(C.USED_AT.isNull()).execute();
        return dsl.update(K)
                .set(K.REVOKED_AT, now)
                .where(K.ID.eq(kioskId))
                .and(K.REVOKED_AT.isNull())
                .execute() == 1;
    }

    private static SelectJoinStep<Record> selectRows(DSLContext dsl) {
        return dsl.select(ROW_FIELDS).from(K);
    }

    private static KioskRow row(Record r) {
        return new KioskRow(r.get(K.ID), r.get(K.NAME), r.get(K.DEVICE_NAME), r.get(K.CREATED_BY),
                r.get(K.CREATED_AT), r.get(K.ENROLLED_AT), r.get(K.LAST_SEEN_AT), r.get(K.LAST_SEEN_ADDRESS),
                r.get(K.REVOKED_AT), r.get(PENDING_CODE_EXPIRES_AT));
    }
}
