package org.opensspr.server.auth;

import org.jooq.DSLContext;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.throttling.LockoutSettings;
import org.opensspr.throttling.LockoutState;
import org.opensspr.throttling.SignInAttempt;
import org.opensspr.throttling.SmartLockout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Smart lockout (docs/design.md §12) over the rows of {@code sign_in_attempt}: every server replays the same
 * rows, so a lockout holds across instances. Subjects are the lower-cased user names tried, known or
 * not, so an unknown name locks exactly like a real one and lockout reveals no accounts. Wrong
 * secrets are kept only as keyed fingerprints (HMAC under a server secret), enough to recognise a
 * repeat and useless for guessing offline.
 */
public final class LockoutGuard {
    /**
     * How far back the replay reads. A lockout chain only survives while failures keep coming within
     * {@link SmartLockout#MEMORY}; reading two memories back replays every chain that can still matter
     * except an unbroken one older than that, which has long reached the lockout cap anyway.
     */
    static final Duration HISTORY = SmartLockout.MEMORY.multipliedBy(2);
    static final int HISTORY_LIMIT = 1000;

    /** The {@link SecretBox#keyedHash} purpose of wrong-secret fingerprints. */
    public static final String FINGERPRINT_PURPOSE = "sign-in-attempt.wrong-secret";

    private final Database database;
    private final Clock clock;
    private final KeyedHash fingerprints;
    private final Supplier<LockoutSettings> settings;
    private final SignInAttemptRepository attempts = new SignInAttemptRepository();

    public LockoutGuard(Database database, Clock clock, KeyedHash fingerprints, Supplier<LockoutSettings> settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A guard whose fingerprints are keyed by a sub-key of the server's master secret. */
    public static LockoutGuard create(Database database, Clock clock, SecretBox secrets,
                                      Supplier<LockoutSettings> settings) {
        return new LockoutGuard(database, clock, secrets.keyedHash(FINGERPRINT_PURPOSE), settings);
    }

    /** Where the subject stands now. */
    public LockoutState state(String subjectKey, SignInChannel channel) {
        Instant now = clock.instant();
        return new SmartLockout(settings.get()).evaluate(
                attempts.recent(database.dsl(), subjectKey, channel, now.minus(HISTORY), HISTORY_LIMIT), now);
    }

    /** Refuses with ACCOUNT_LOCKED (and when to retry) while the subject is locked; check before any secret. */
    public void checkNotLocked(String subjectKey, SignInChannel channel) {
        LockoutState state = state(subjectKey, channel);
        if (state.locked()) {
            Instant until = state.lockedUntil().orElseThrow();
            long seconds = Math.max(1, state.remaining(clock.instant()).toSeconds());
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed sign-ins: this account is locked for "
                    + seconds + " more second" + (seconds == 1 ? "" : "s") + ".", List.of(), until);
        }
    }

    /**
     * Records a failed attempt in its own transaction (it must outlive the refusal that follows).
     *
     * @param kind        what was wrong ("password", "totp", …) so different secrets never share a fingerprint
     * @param wrongSecret the wrong value as typed; only its keyed fingerprint is stored
     */
    public void recordFailure(String subjectKey, SignInChannel channel, String kind, String wrongSecret) {
        String fingerprint = fingerprints.hex(kind + '\u0000' + (wrongSecret == null ? "" : wrongSecret));
        SignInAttempt failure = SignInAttempt.failure(clock.instant(), fingerprint);
        database.inTransactionDo(tx -> attempts.insert(tx, subjectKey, channel, failure));
    }

    /** Records a success inside the caller's transaction; it forgets the subject's earlier failures. */
    public void recordSuccess(DSLContext tx, String subjectKey, SignInChannel channel) {
        Instant now = clock.instant();
        attempts.insert(tx, subjectKey, channel, SignInAttempt.success(now));
        attempts.deleteBefore(tx, subjectKey, channel, now);
    }

    /** Housekeeping: drops every attempt older than {@code before}; returns how many. */
    public int purgeBefore(Instant before) {
        return database.inTransaction(tx -> attempts.deleteAllBefore(tx, before));
    }
}
