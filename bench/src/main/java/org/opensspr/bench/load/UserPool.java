package org.opensspr.bench.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out the seeded users so that each is in at most one flow at a time (two flows of one account would
 * refuse each other), and none is sent more emailed codes than the server's throttle allows (more than 10 in
 * 10 minutes blocks a user for a day): such a user is skipped, and when every free user is, the pool is spent.
 * Also remembers who has reset before: the server hashes twice for a user who already has a password.
 */
final class UserPool {
    static final int EMAILS_ALLOWED = 10;
    static final Duration EMAIL_WINDOW = Duration.ofMinutes(10);

    private final List<LoadUser> users;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Map<Integer, Deque<Long>> sendsByUser = new HashMap<>();
    private final boolean[] hasPassword;
    /** The outbox id of each user's last code, so that a flow never takes the previous flow's code. */
    private final long[] lastCodeId;

    UserPool(List<LoadUser> users) {
        this.users = List.copyOf(users);
        this.hasPassword = new boolean[users.size()];
        this.lastCodeId = new long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            free.add(i);
        }
    }

    /** A free user with email budget left, counted as sent one code; empty when there is none. */
    synchronized Optional<Lease> lease() {
        long now = System.nanoTime();
        for (int tries = free.size(); tries > 0; tries--) {
            int index = free.poll();
            Deque<Long> sends = sendsByUser.computeIfAbsent(index, i -> new ArrayDeque<>());
            while (!sends.isEmpty() && now - sends.peekFirst() > EMAIL_WINDOW.toNanos()) {
                sends.pollFirst();
            }
            if (sends.size() < EMAILS_ALLOWED) {
                sends.addLast(now);
                return Optional.of(new Lease(index, users.get(index), hasPassword[index], lastCodeId[index]));
            }
            free.addLast(index); // out of budget for now: the next one may still have some
        }
        return Optional.empty();
    }

    /** Gives the user back; {@code reset} when the flow set their password, {@code codeId} the code it read (or 0). */
    synchronized void release(Lease lease, boolean reset, long codeId) {
        if (reset) {
            hasPassword[lease.index()] = true;
        }
        lastCodeId[lease.index()] = Math.max(lastCodeId[lease.index()], codeId);
        free.addLast(lease.index());
    }

    /** One user for one flow; {@code hadPassword} says whether the server has a password of theirs to compare with. */
    record Lease(int index, LoadUser user, boolean hadPassword, long lastCodeId) {
    }

    List<LoadUser> users() {
        return users;
    }
}
