package org.opensspr.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Smart lockout (docs/design.md §12): {@code threshold} counted failures lock the account for the base
 * duration; after that every counted failure locks again for twice the previous lockout, at most
 * {@link #MAX_LOCKOUT}. A failure doesn't count when it repeats one of the last
 * {@value #REMEMBERED_PASSWORDS} distinct wrong passwords (a stale saved password shouldn't lock
 * anyone out) or arrives while locked (the server refused it unchecked). A success, or
 * {@link #MEMORY} without a counted failure, forgets everything.
 */
public record SmartLockout(LockoutSettings settings) {

    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(30);
    public static final Duration MEMORY = Duration.ofHours(24);
    public static final int REMEMBERED_PASSWORDS = 3;

    /**
     * Replay order: by time; at one instant successes first (so simultaneous failures still count)
     * and then by fingerprint, so the listing order never changes the outcome.
     */
    private static final Comparator<SignInAttempt> REPLAY_ORDER = Comparator.comparing(SignInAttempt::at)
            .thenComparing(SignInAttempt::succeeded, Comparator.reverseOrder())
            .thenComparing(SignInAttempt::wrongPasswordFingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SmartLockout {
        Objects.requireNonNull(settings, "settings");
    }

    /** Smart lockout with Entra's default settings. */
    public static SmartLockout withDefaults() {
        return new SmartLockout(LockoutSettings.DEFAULT);
    }

    /**
     * Replays one account's sign-in attempts, in any order, and reports the state at {@code now}.
     * Attempts dated after {@code now} count too, as in {@link Throttle#decide}: another server's
     * clock may run ahead, and its lock must hold here as well.
     */
    public LockoutState evaluate(Collection<SignInAttempt> attempts, Instant now) {
        Objects.requireNonNull(now, "now");
        Memory memory = new Memory();
        attempts.stream().sorted(REPLAY_ORDER).forEach(memory::apply);
        memory.forgetIfQuietSince(now);
        boolean locked = memory.lockedUntil != null && now.isBefore(memory.lockedUntil);
        return new LockoutState(locked, Optional.ofNullable(memory.lockedUntil), memory.failures, memory.lockouts);
    }

    /** Length of the {@code n}-th lockout (1-based): the base, doubled per earlier lockout, capped. */
    public Duration lockoutDuration(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("lockouts are numbered from 1, was " + n);
        }
        Duration duration = settings.lockoutDuration();
        // Stop doubling at the cap, so a long streak of lockouts cannot overflow.
        for (int i = 1; i < n && duration.compareTo(MAX_LOCKOUT) < 0; i++) {
            duration = duration.multipliedBy(2);
        }
        return duration.compareTo(MAX_LOCKOUT) < 0 ? duration : MAX_LOCKOUT;
    }

    /** What the replay remembers about the account; mutable, but never leaves {@link #evaluate}. */
    private final class Memory {
        private int failures;
        private int lockouts;
        private Instant lockedUntil;
        private Instant lastCountedFailure;
        /** Most recent last. */
        private final Deque<String> wrongPasswords = new ArrayDeque<>();

        void apply(SignInAttempt attempt) {
            if (attempt.succeeded()) {
                forget();
            } else if (lockedUntil == null || !attempt.at().isBefore(lockedUntil)) {
                fail(attempt.at(), attempt.wrongPasswordFingerprint());
            }
        }

        private void fail(Instant at, String fingerprint) {
            forgetIfQuietSince(at);
            boolean repeated = wrongPasswords.remove(fingerprint);
            wrongPasswords.addLast(fingerprint); // a repeat becomes the most recent again
            if (wrongPasswords.size() > REMEMBERED_PASSWORDS) {
                wrongPasswords.removeFirst();
            }
            if (repeated) {
                return;
            }
            lastCountedFailure = at;
            failures++;
            if (lockouts > 0 || failures >= settings.threshold()) {
                lockouts++;
                failures = 0;
                lockedUntil = at.plus(lockoutDuration(lockouts));
            }
        }

        void forgetIfQuietSince(Instant at) {
            if (lastCountedFailure != null && !at.isBefore(lastCountedFailure.plus(MEMORY))) {
                forget();
            }
        }

        private void forget() {
            failures = 0;
            lockouts = 0;
            lockedUntil = null;
            lastCountedFailure = null;
            wrongPasswords.clear();
        }
    }
}
