package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.auth.AdminAccounts;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.UserRow;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.opensspr.server.db.Tables.USER_TOTP;

/**
 * An end user's Authenticator app (the "mobile app code" gate): a 160-bit seed sealed with
 * {@link SecretBox} under {@link #SECRET_PURPOSE}, RFC 6238 codes checked by the server's {@link Totp}
 * (±1 step), each step accepted once. Registering also writes the user's AUTHENTICATOR_APP
 * {@code method_registration} row, which is what eligibility counts. Every method takes the caller's
 * transaction. Thread-safe.
 */
public final class UserTotp {
    /** The SecretBox purpose of {@code user_totp.secret_sealed}. */
    public static final String SECRET_PURPOSE = "user_totp.secret";
    /** The {@link SecretBox#keyedHash} purpose of the app's notification topic. */
    public static final String PUSH_TOPIC_PURPOSE = "user_totp.push_topic";
    /** The shortest seed {@link #registerWithSecret} takes: RFC 4226's 128 bits. */
    public static final int MIN_SECRET_BYTES = 16;

    private final Clock clock;
    private final SecretBox secrets;
    private final Totp totp;
    private final DirectoryRepository directory = new DirectoryRepository();

    private final KeyedHash topics;

    public UserTotp(Clock clock, SecretBox secrets, Totp totp) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.topics = secrets.keyedHash(PUSH_TOPIC_PURPOSE);
    }

    /**
     * Registers a new app for the user, replacing any earlier one, and answers the enrollment
     * (issuer OpenSSPR, account the UPN) — the only time the secret leaves the server.
     *
     * @throws IllegalArgumentException when there is no such user
     */
    public TotpEnrollment register(DSLContext tx, String userId) {
        return store(tx, userId, totp.newSecret());
    }

    /**
     * Demo and test use only: registers the app with a secret chosen by the caller, so the demo
     * seeder can print each demo user's secret. Production registration uses {@link #register}.
     *
     * @throws IllegalArgumentException when there is no such user, or the secret isn't base32 of at
     *                                  least {@value #MIN_SECRET_BYTES} bytes
     */
    public TotpEnrollment registerWithSecret(DSLContext tx, String userId, String base32Secret) {
        byte[] seed = Base32.decode(Objects.requireNonNull(base32Secret, "base32Secret"));
        if (seed.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("A TOTP secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        return store(tx, userId, seed);
    }

    /**
     * Registers the app whose seed the user proved by a code from it (the security-info API), replacing any
     * earlier one; {@code provenStep} is remembered, so the code that proved it can't open a reset.
     */
    public void registerProven(DSLContext tx, String userId, byte[] seed, long provenStep) {
        store(tx, userId, seed);
        tx.update(USER_TOTP).set(USER_TOTP.LAST_STEP, provenStep).where(USER_TOTP.USER_ID.eq(userId)).execute();
    }

    /** A new seed for an app the user is about to add; nothing is stored until {@link #registerProven}. */
    public byte[] newSeed() {
        return totp.newSecret();
    }

    /** The step at which {@code code} is right for {@code seed} at {@code now} (±1 step), if it is. */
    public OptionalLong check(byte[] seed, String code, Instant now) {
        return totp.verify(seed, code, now);
    }

    /**
     * Checks a code from the user's app at {@code now}. An accepted code's step is remembered in the
     * same transaction, so that code (and any earlier one) is refused afterwards.
     */
    public TotpCheck verify(DSLContext tx, String userId, String code, Instant now) {
        var row = tx.select(USER_TOTP.SECRET_SEALED, USER_TOTP.LAST_STEP).from(USER_TOTP)
                .where(USER_TOTP.USER_ID.eq(userId)).fetchOne();
        if (row == null) {
            return TotpCheck.NOT_REGISTERED;
        }
        byte[] seed = secrets.open(row.value1(), SECRET_PURPOSE);
        OptionalLong step = totp.verify(seed, code, now, row.value2());
        if (step.isEmpty()) {
            return totp.verify(seed, code, now).isPresent() ? TotpCheck.ALREADY_USED : TotpCheck.WRONG;
        }
        // The conditional update is the claim: two concurrent uses of one code can't both pass.
        int claimed = tx.update(USER_TOTP).set(USER_TOTP.LAST_STEP, step.getAsLong())
                .where(USER_TOTP.USER_ID.eq(userId), USER_TOTP.LAST_STEP.lt(step.getAsLong()))
                .execute();
        return claimed == 1 ? TotpCheck.ACCEPTED : TotpCheck.ALREADY_USED;
    }

    /**
     * The ntfy-style topic the user's app subscribes to for sign-in notifications: derived from the app's
     * secret under a server key, so it is unguessable, needs no storage, and a re-registered app (a new
     * secret) gets a new topic that a lost phone doesn't listen to. Empty without an app on file.
     */
    public Optional<String> pushTopic(DSLContext tx, String userId) {
        return tx.select(USER_TOTP.SECRET_SEALED).from(USER_TOTP).where(USER_TOTP.USER_ID.eq(userId))
                .fetchOptional(USER_TOTP.SECRET_SEALED)
                .map(sealed -> pushTopic(secrets.open(sealed, SECRET_PURPOSE)));
    }

    /** The topic of the app holding {@code seed} (for its setup's QR code, before it is registered). */
    public String pushTopic(byte[] seed) {
        return "opensspr-" + topics.hex(Base32.encode(seed)).substring(0, 32);
    }

    public boolean isRegistered(DSLContext tx, String userId) {
        return tx.fetchExists(USER_TOTP, USER_TOTP.USER_ID.eq(userId));
    }

    /** Forgets the user's app and its registration; false when there was none. */
    public boolean remove(DSLContext tx, String userId) {
        directory.deleteRegistration(tx, userId, AuthMethod.Registration.AUTHENTICATOR_APP);
        return tx.deleteFrom(USER_TOTP).where(USER_TOTP.USER_ID.eq(userId)).execute() == 1;
    }

    private TotpEnrollment store(DSLContext tx, String userId, byte[] seed) {
        UserRow user = directory.findUser(tx, userId)
                .orElseThrow(() -> new IllegalArgumentException("No user with id " + userId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String sealed = secrets.seal(seed, SECRET_PURPOSE);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        tx.insertInto(USER_TOTP)
                .set(USER_TOTP.USER_ID, userId)
                .set(USER_TOTP.SECRET_SEALED, sealed)
                .set(USER_TOTP.LAST_STEP, 0L)
                .set(USER_TOTP.REGISTERED_AT, at)
                .onConflict(USER_TOTP.USER_ID)
                .doUpdate()
                .set(USER_TOTP.SECRET_SEALED, sealed)
                .set(USER_TOTP.LAST_STEP, 0L)
                .set(USER_TOTP.REGISTERED_AT, at)
                .execute();
        directory.putRegistration(tx, userId, new MethodRegistration(AuthMethod.Registration.AUTHENTICATOR_APP,
                now, RegistrationSource.USER, Set.of()));
        return new TotpEnrollment(Totp.otpauthUri(AdminAccounts.ISSUER, user.userPrincipalName(), seed),
                Base32.encode(seed));
    }

    @Override
    public String toString() {
        return "UserTotp[]";
    }
}
