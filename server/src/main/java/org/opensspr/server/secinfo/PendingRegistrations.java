package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.DbTime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import static org.opensspr.server.db.Tables.SECURITY_INFO_PENDING;

/**
 * What a security-info session has started but not proven: a new app's seed (sealed), a new alternate email
 * and the code sent to it, or a code sent to prove a registered email again. Codes are kept as an HMAC bound
 * to their session and purpose, like the reset flow's. Nothing here counts as registered.
 */
final class PendingRegistrations {
    static final String SEED_PURPOSE = "security_info_pending.secret";
    static final String HMAC_PURPOSE = "security_info_pending.code_hmac";

    enum Purpose { AUTHENTICATOR_APP, EMAIL, PROOF_EMAIL, MOBILE_PHONE, OFFICE_PHONE, PROOF_PHONE }

    record Pending(String secretSealed, String address, String codeHmac, Instant createdAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[expiresAt=" + expiresAt + "]";
        }
    }

    private final SecretBox secrets;
    private final KeyedHash hmac;
    private final SecureRandom random = new SecureRandom();

    PendingRegistrations(SecretBox secrets) {
        this.secrets = secrets;
        this.hmac = secrets.keyedHash(HMAC_PURPOSE);
    }

    /** A new 8-digit code for the session's purpose, replacing any earlier one; answers the code. */
    String issueCode(DSLContext tx, String sessionId, Purpose purpose, String address, Instant now, Instant expiresAt) {
        String code = VerificationCodes.newCode(random);
        put(tx, sessionId, purpose, null, address, digest(sessionId, purpose, code), now, expiresAt);
        return code;
    }

    void putSeed(DSLContext tx, String sessionId, byte[] seed, Instant now, Instant expiresAt) {
        put(tx, sessionId, Purpose.AUTHENTICATOR_APP, secrets.seal(seed, SEED_PURPOSE), null, null, now, expiresAt);
    }

    byte[] seed(Pending pending) {
        return secrets.open(pending.secretSealed(), SEED_PURPOSE);
    }

    Optional<Pending> find(DSLContext tx, String sessionId, Purpose purpose) {
        return tx.selectFrom(SECURITY_INFO_PENDING)
                .where(SECURITY_INFO_PENDING.SESSION_ID.eq(sessionId), SECURITY_INFO_PENDING.PURPOSE.eq(purpose.name()))
                .fetchOptional(r -> new Pending(r.getSecretSealed(), r.getAddress(), r.getCodeHmac(),
                        DbTime.instant(r.getCreatedAt()), DbTime.instant(r.getExpiresAt())));
    }

    /** Whether {@code typed} is the pending code; the comparison takes the same time whatever the digits. */
    boolean codeMatches(String sessionId, Purpose purpose, Pending pending, String typed) {
        String code = typed == null ? "" : typed.replaceAll("\\s+", "");
        boolean wellFormed = code.length() == VerificationCodes.DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean same = pending.codeHmac() != null && MessageDigest.isEqual(
                digest(sessionId, purpose, code).getBytes(StandardCharsets.US_ASCII),
                pending.codeHmac().getBytes(StandardCharsets.US_ASCII));
        return wellFormed && same;
    }

    void remove(DSLContext tx, String sessionId, Purpose purpose) {
        tx.deleteFrom(SECURITY_INFO_PENDING)
                .where(SECURITY_INFO_PENDING.SESSION_ID.eq(sessionId), SECURITY_INFO_PENDING.PURPOSE.eq(purpose.name()))
                .execute();
    }

    private void put(DSLContext tx, String sessionId, Purpose purpose, String sealed, String address, String codeHmac,
                     Instant now, Instant expiresAt) {
        remove(tx, sessionId, purpose);
        tx.insertInto(SECURITY_INFO_PENDING)
                .set(SECURITY_INFO_PENDING.SESSION_ID, sessionId)
                .set(SECURITY_INFO_PENDING.PURPOSE, purpose.name())
                .set(SECURITY_INFO_PENDING.SECRET_SEALED, sealed)
                .set(SECURITY_INFO_PENDING.ADDRESS, address)
                .set(SECURITY_INFO_PENDING.CODE_HMAC, codeHmac)
                .set(SECURITY_INFO_PENDING.CREATED_AT, DbTime.of(now))
                .set(SECURITY_INFO_PENDING.EXPIRES_AT, DbTime.of(expiresAt))
                .execute();
    }

    private String digest(String sessionId, Purpose purpose, String code) {
        return hmac.hex(sessionId + "\n" + purpose.name() + "\n" + code);
    }
}
