package org.opensspr.server.auth;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
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
    private static final int MAX_ADMISSION_TRIES = 5;

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

    private ApiException lockedError(LockoutState state) {
        Instant until = state.lockedUntil().orElseThrow();
        long seconds = Math.max(1, state.remaining(clock.instant()).toSeconds());
        return new ApiException(ErrorCode.ACCOUNT_LOCKED, "Too many failed sign-ins: this account is locked for "
                + seconds + " more second" + (seconds == 1 ? "" : "s") + ".", List.of(), until);
    }

    /** What {@link #admit} decided: the subject is locked, or the attempt may check its secret. */
    public sealed interface Admission {
    }

    /** Locked: no secret may be checked now. */
    public record Locked(LockoutState state) implements Admission {
    }

    /**
     * An attempt already counted as failed, before its secret is checked: {@link #succeeded} or
     * {@link #withdraw} undo that when the secret proves right.
     */
    public record Attempt(long id, String subjectKey, SignInChannel channel) implements Admission {
    }

    /**
     * Counts an attempt before its secret is checked, so a burst of guesses at once can't all pass the
     * lockout check before any of them fails. Under the subject's row lock (one admission per name at a
     * time, across servers) it refuses while the subject is locked, else records the attempt as failed,
     * with the secret's fingerprint, and commits. The secret is then checked with no lock or connection held.
     *
     * @param kind   what the secret is ("password", "totp", …), so different secrets never share a fingerprint
     * @param secret the value as typed; only its keyed fingerprint is stored
     */
    public Admission admit(String subjectKey, SignInChannel channel, String kind, String secret) {
        String fingerprint = fingerprint(kind, secret);
        SmartLockout rules = new SmartLockout(settings.get()); // read before: the policy takes its own connection
        // Most names already have their lock row; a new one (or an old idle one housekeeping just purged)
        // is created, and the admission tried again.
        for (int tries = 1; tries <= MAX_ADMISSION_TRIES; tries++) {
            Admission admission = database.inTransaction(tx -> {
                if (!attempts.lockSubject(tx, subjectKey, channel)) {
                    return null;
                }
                // The time is read under the lock, so attempts are recorded in the order they were admitted.
                Instant now = clock.instant();
                LockoutState state = rules.evaluate(
                        attempts.recent(tx, subjectKey, channel, now.minus(HISTORY), HISTORY_LIMIT), now);
                if (state.locked()) {
                    return new Locked(state);
                }
                return new Attempt(attempts.insert(tx, subjectKey, channel, SignInAttempt.failure(now, fingerprint)),
                        subjectKey, channel);
            });
            if (admission != null) {
                return admission;
            }
            createSubject(subjectKey, channel);
        }
        throw new IllegalStateException("The sign-in subject's row kept disappearing; housekeeping running wild?");
    }

    /** Creates the subject's lock row; a race lost to another request is as good as winning it. */
    private void createSubject(String subjectKey, SignInChannel channel) {
        try {
            database.inTransactionDo(tx -> attempts.insertSubject(tx, subjectKey, channel, clock.instant()));
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
        }
    }

    /** Like {@link #admit}, refusing with ACCOUNT_LOCKED (and when to retry) while the subject is locked. */
    public Attempt admitOrRefuse(String subjectKey, SignInChannel channel, String kind, String secret) {
        return switch (admit(subjectKey, channel, kind, secret)) {
            case Attempt attempt -> attempt;
            case Locked locked -> throw lockedError(locked.state());
        };
    }

    /** The secret was right: inside the caller's transaction, the attempt becomes the subject's success. */
    public void succeeded(DSLContext tx, Attempt attempt) {
        attempts.delete(tx, attempt.id());
        recordSuccess(tx, attempt.subjectKey(), attempt.channel());
    }

    /** The secret was right but the sign-in ends for another reason (a locked account): the attempt doesn't count. */
    public void withdraw(Attempt attempt) {
        database.inTransactionDo(tx -> attempts.delete(tx, attempt.id()));
    }

    /** The first secret was right and a second one wrong (the TOTP code): the attempt counts under that one. */
    public void failedInstead(Attempt attempt, String kind, String wrongSecret) {
        String fingerprint = fingerprint(kind, wrongSecret);
        database.inTransactionDo(tx -> attempts.refingerprint(tx, attempt.id(), fingerprint));
    }

    private String fingerprint(String kind, String secret) {
        return fingerprints.hex(kind + '\u0000' + (secret == null ? "" : secret));
    }

    /** Records a success inside the caller's transaction; it forgets the subject's earlier failures. */
    public void recordSuccess(DSLContext tx, String subjectKey, SignInChannel channel) {
        Instant now = clock.instant();
        attempts.insert(tx, subjectKey, channel, SignInAttempt.success(now));
        attempts.deleteBefore(tx, subjectKey, channel, now);
    }

    /** Housekeeping: drops every attempt older than {@code before}; returns how many. */
    public int purgeBefore(Instant before) {
        return database.inTransaction(tx -> {
            int purged = attempts.deleteAllBefore(tx, before);
            attempts.deleteIdleSubjects(tx, before);
            return purged;
        });
    }
}
