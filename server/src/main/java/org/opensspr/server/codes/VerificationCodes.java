package org.opensspr.server.codes;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.flow.FlowLimits;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.crypto.SecretBox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.opensspr.server.db.Tables.RESET_FLOW;
import static org.opensspr.server.db.Tables.VERIFICATION_CODE;

/**
 * The 8-digit codes a reset flow sends by email, SMS or voice call (docs/design.md §13): drawn uniformly from
 * a CSPRNG, valid for {@link FlowLimits#CODE_LIFETIME}, one live code per flow and method (a resend
 * replaces the previous one), accepted once. Only an HMAC-SHA256 of the code is stored, keyed by a
 * sub-key of the server's master key ({@link SecretBox#keyedHash}) and bound to its flow and method, so
 * the database alone can't be searched for codes. Every method takes the caller's transaction.
 * Thread-safe.
 */
public final class VerificationCodes {
    public static final int DIGITS = 8;
    /** The {@link SecretBox#keyedHash} purpose of {@code verification_code.code_hmac}. */
    public static final String HMAC_PURPOSE = "verification_code.code_hmac";
    /** The methods that prove themselves by a code the server sends. */
    public static final Set<AuthMethod> SENT_CODE_METHODS =
            EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE);

    private static final int BOUND = 100_000_000;

    private final Clock clock;
    private final KeyedHash hmac;
    private final RandomGenerator random;

    public VerificationCodes(Clock clock, SecretBox secrets, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hmac = Objects.requireNonNull(secrets, "secrets").keyedHash(HMAC_PURPOSE);
        this.random = Objects.requireNonNull(random, "random");
    }

    public VerificationCodes(Clock clock, SecretBox secrets) {
        this(clock, secrets, new SecureRandom());
    }

    /** Eight digits, leading zeros kept, every value from 00000000 to 99999999 equally likely. */
    public static String newCode(RandomGenerator random) {
        return String.format("%08d", random.nextInt(BOUND));
    }

    /**
     * A new code for the flow's {@code method}, replacing any earlier one (which stops working).
     * The flow row must exist.
     */
    public IssuedCode issue(DSLContext tx, String flowId, AuthMethod method) {
        return issue(tx, flowId, method, null);
    }

    /** As {@link #issue(DSLContext, String, AuthMethod)}, remembering how the code travels ({@code TEXT}, {@code CALL}). */
    public IssuedCode issue(DSLContext tx, String flowId, AuthMethod method, String delivery) {
        requireSentCode(method);
        String code = newCode(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(FlowLimits.CODE_LIFETIME);
        String digest = digest(flowId, method, code);
        tx.insertInto(VERIFICATION_CODE)
                .set(VERIFICATION_CODE.FLOW_ID, flowId)
                .set(VERIFICATION_CODE.METHOD, method.name())
                .set(VERIFICATION_CODE.CODE_HMAC, digest)
                .set(VERIFICATION_CODE.CREATED_AT, DbTime.of(now))
                .set(VERIFICATION_CODE.EXPIRES_AT, DbTime.of(expiresAt))
                .set(VERIFICATION_CODE.DELIVERY, delivery)
                .onConflict(VERIFICATION_CODE.FLOW_ID, VERIFICATION_CODE.METHOD)
                .doUpdate()
                .set(VERIFICATION_CODE.CODE_HMAC, digest)
                .set(VERIFICATION_CODE.CREATED_AT, DbTime.of(now))
                .set(VERIFICATION_CODE.EXPIRES_AT, DbTime.of(expiresAt))
                .set(VERIFICATION_CODE.DELIVERY, delivery)
                .setNull(VERIFICATION_CODE.USED_AT)
                .execute();
        return new IssuedCode(code, now, expiresAt);
    }

    /**
     * Checks {@code code} against the flow's live code for {@code method}; a {@link CodeCheck#VALID}
     * code is used up in the same transaction. The comparison takes the same time whatever the digits.
     */
    public CodeCheck verify(DSLContext tx, String flowId, AuthMethod method, String code) {
        requireSentCode(method);
        Instant now = clock.instant();
        var row = tx.select(VERIFICATION_CODE.CODE_HMAC, VERIFICATION_CODE.EXPIRES_AT, VERIFICATION_CODE.USED_AT)
                .from(VERIFICATION_CODE)
                .where(VERIFICATION_CODE.FLOW_ID.eq(flowId), VERIFICATION_CODE.METHOD.eq(method.name()))
                .fetchOne();
        if (row == null) {
            return CodeCheck.NOT_ISSUED;
        }
        if (row.value3() != null) {
            return CodeCheck.USED;
        }
        if (!now.isBefore(row.value2().toInstant())) {
            return CodeCheck.EXPIRED;
        }
        String typed = code == null ? "" : code.replaceAll("\\s+", "");
        boolean wellFormed = typed.length() == DIGITS && typed.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean same = MessageDigest.isEqual(bytes(digest(flowId, method, typed)), bytes(row.value1()));
        if (!wellFormed || !same) {
            return CodeCheck.WRONG;
        }
        // The conditional update is the claim: of two concurrent right answers only one passes.
        int claimed = tx.update(VERIFICATION_CODE).set(VERIFICATION_CODE.USED_AT, DbTime.of(now))
                .where(VERIFICATION_CODE.FLOW_ID.eq(flowId), VERIFICATION_CODE.METHOD.eq(method.name()),
                        VERIFICATION_CODE.USED_AT.isNull(), VERIFICATION_CODE.CODE_HMAC.eq(row.value1()))
                .execute();
        return claimed == 1 ? CodeCheck.VALID : CodeCheck.USED;
    }

    /** When the flow's live code for {@code method} was sent, if there is one (used or not). */
    public Optional<Instant> issuedAt(DSLContext tx, String flowId, AuthMethod method) {
        requireSentCode(method);
        return tx.select(VERIFICATION_CODE.CREATED_AT).from(VERIFICATION_CODE)
                .where(VERIFICATION_CODE.FLOW_ID.eq(flowId), VERIFICATION_CODE.METHOD.eq(method.name()))
                .fetchOptional(VERIFICATION_CODE.CREATED_AT).map(DbTime::instant);
    }

    /** How the flow's live code for {@code method} travelled, if it was sent one way of several. */
    public Optional<String> delivery(DSLContext tx, String flowId, AuthMethod method) {
        requireSentCode(method);
        return tx.select(VERIFICATION_CODE.DELIVERY).from(VERIFICATION_CODE)
                .where(VERIFICATION_CODE.FLOW_ID.eq(flowId), VERIFICATION_CODE.METHOD.eq(method.name()))
                .fetchOptional(VERIFICATION_CODE.DELIVERY);
    }

    /** Drops every code of the flow (when it ends or is abandoned); returns how many. */
    public int invalidateForFlow(DSLContext tx, String flowId) {
        return tx.deleteFrom(VERIFICATION_CODE).where(VERIFICATION_CODE.FLOW_ID.eq(flowId)).execute();
    }

    /** Drops every code of every flow of the user (after a reset); returns how many. */
    public int invalidateForUser(DSLContext tx, String userId) {
        return tx.deleteFrom(VERIFICATION_CODE)
                .where(VERIFICATION_CODE.FLOW_ID.in(
                        tx.select(RESET_FLOW.ID).from(RESET_FLOW).where(RESET_FLOW.USER_ID.eq(userId))))
                .execute();
    }

    /** Housekeeping: drops codes that expired before {@code cutoff}; returns how many. */
    public int purgeExpiredBefore(DSLContext tx, Instant cutoff) {
        return tx.deleteFrom(VERIFICATION_CODE).where(VERIFICATION_CODE.EXPIRES_AT.lt(DbTime.of(cutoff))).execute();
    }

    private String digest(String flowId, AuthMethod method, String code) {
        // Bound to flow and method: equal codes in two flows hash differently, and a row can't be moved.
        return hmac.hex(Objects.requireNonNull(flowId, "flowId") + "\n" + method.name() + "\n" + code);
    }

    private static void requireSentCode(AuthMethod method) {
        if (!SENT_CODE_METHODS.contains(Objects.requireNonNull(method, "method"))) {
            throw new IllegalArgumentException(method + " is not proven by a code the server sends");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "VerificationCodes[key=<redacted>]";
    }
}
