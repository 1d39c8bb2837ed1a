package org.opensspr.bench.load;

import org.opensspr.methods.AuthMethod;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Hands out the seeded users so that each is in at most one flow at a time (two flows of one account would
 * refuse each other), and only when their method can serve them:
 * <ul>
 * <li>emailed codes: none is sent more than the server's throttle allows (more than 10 in 10 minutes blocks a
 * user for a day, unless a reset clears the count first): such a user is skipped, and when every free user is,
 * the pool is spent;</li>
 * <li>the app's code: each step's code is accepted once per user, so a user who used this step's code waits for
 * the next step (30 s). When every free user is waiting, the kiosk waits too, and the wait is counted: a pool
 * of fewer than resets/s × 30 s users bounds the run by its people, not by the server.</li>
 * </ul>
 * Also remembers who has reset before: the server hashes twice for a user who already has a password.
 */
final class UserPool {
    static final int EMAILS_ALLOWED = 10;
    static final Duration EMAIL_WINDOW = Duration.ofMinutes(10);

    private final List<LoadUser> users;
    private final boolean sendsEmails;
    private final boolean usesAppCodes;
    private final LongSupplier nanoTime;
    private final LongSupplier epochMillis;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Deque<Long>[] sends;
    /** Each user's password as the last reset set it; null before. */
    private final String[] passwords;
    /** The outbox id of the newest message each user's flows used, so a flow never takes an earlier flow's. */
    private final long[] lastMessageId;
    /** The app step whose code each user used last. */
    private final long[] lastAppStep;
    private long appWaits;
    private long appWaitNanos;
    private boolean ranOutOfEmails;

    UserPool(List<LoadUser> users, MethodPlan plan) {
        this(users, plan, System::nanoTime, System::currentTimeMillis);
    }

    @SuppressWarnings("unchecked")
    UserPool(List<LoadUser> users, MethodPlan plan, LongSupplier nanoTime, LongSupplier epochMillis) {
        this.users = List.copyOf(users);
        this.sendsEmails = plan.passes(AuthMethod.EMAIL);
        this.usesAppCodes = plan.passes(AuthMethod.MOBILE_APP_CODE);
        this.nanoTime = nanoTime;
        this.epochMillis = epochMillis;
        this.sends = new Deque[users.size()];
        this.passwords = new String[users.size()];
        this.lastMessageId = new long[users.size()];
        this.lastAppStep = new long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            free.add(i);
            sends[i] = new ArrayDeque<>();
        }
    }

    /**
     * A free user their method can serve now; waits while the only ones left wait for their app's next step, until
     * {@code until} ({@link System#nanoTime}). Empty when the emails are spent, or at {@code until}.
     */
    synchronized Optional<Lease> lease(long until) throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            long step = AuthenticatorApp.stepAt(epochMillis.getAsLong());
            boolean appWaiting = false;
            boolean emailsSpent = false;
            for (int tries = free.size(); tries > 0; tries--) {
                int index = free.poll();
                if (usesAppCodes && lastAppStep[index] >= step) {
                    appWaiting = true;
                } else if (sendsEmails && !emailBudgetLeft(index, now)) {
                    emailsSpent = true;
                } else {
                    if (sendsEmails) {
                        sends[index].addLast(now);
                    }
                    return Optional.of(new Lease(index, users.get(index), passwords[index] != null, lastMessageId[index],
                            lastAppStep[index]));
                }
                free.addLast(index); // not now: the next one may do
            }
            if (emailsSpent && !appWaiting) {
                ranOutOfEmails = true;
                return Optional.empty();
            }
            long nextStep = (step + 1) * AuthenticatorApp.STEP_MILLIS - epochMillis.getAsLong();
            long wait = Math.min(Math.max(1, nextStep), Math.max(0, (until - now) / 1_000_000));
            if (wait <= 0) {
                return Optional.empty();
            }
            if (appWaiting) {
                appWaits++;
            }
            long before = nanoTime.getAsLong();
            wait(wait); // woken early by a release
            appWaitNanos += appWaiting ? nanoTime.getAsLong() - before : 0;
        }
    }

    private boolean emailBudgetLeft(int index, long now) {
        Deque<Long> sent = sends[index];
        while (!sent.isEmpty() && now - sent.peekFirst() > EMAIL_WINDOW.toNanos()) {
            sent.pollFirst();
        }
        return sent.size() < EMAILS_ALLOWED;
    }

    /**
     * Gives the user back; {@code newPassword} the one the flow set (null if it didn't), {@code messageId} the
     * newest message and {@code appStep} the app step it used (or the lease's own).
     */
    synchronized void release(Lease lease, String newPassword, long messageId, long appStep) {
        if (newPassword != null) {
            passwords[lease.index()] = newPassword;
        }
        lastMessageId[lease.index()] = Math.max(lastMessageId[lease.index()], messageId);
        lastAppStep[lease.index()] = Math.max(lastAppStep[lease.index()], appStep);
        free.addLast(lease.index());
        notifyAll();
    }

    /** Up to {@code limit} users whose password a reset set, with that password: user principal name → password. */
    synchronized Map<String, String> resetPasswords(int limit) {
        Map<String, String> reset = new LinkedHashMap<>();
        for (int i = 0; i < users.size() && reset.size() < limit; i++) {
            if (passwords[i] != null) {
                reset.put(users.get(i).userPrincipalName(), passwords[i]);
            }
        }
        return reset;
    }

    synchronized boolean ranOutOfEmails() {
        return ranOutOfEmails;
    }

    /** How often a kiosk found only users whose app's code was used this step, and how long it waited in all. */
    synchronized AppWaits appWaits() {
        return new AppWaits(appWaits, appWaitNanos / 1e9);
    }

    record AppWaits(long times, double seconds) {
    }

    /** One user for one flow; {@code hadPassword} says whether the server has a password of theirs to compare with. */
    record Lease(int index, LoadUser user, boolean hadPassword, long lastMessageId, long lastAppStep) {
    }

    List<LoadUser> users() {
        return users;
    }
}
