package org.opensspr.server.crypto;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests may be hashing, or waiting for a hasher, at once (ADR 28). Requests of routes that hash are
 * admitted at the door, before anything else they do: beyond the limit a request is answered "busy" having done
 * nothing, instead of joining a queue whose wait would outlast its caller's patience. Requests of other routes
 * run marked as not admitted, and {@link PasswordHasher} refuses to hash for them, so a route that hashes without
 * saying so fails in its first test rather than slipping past the limit. Work outside requests (start-up,
 * background jobs) is neither, and hashes freely.
 */
public final class HashingCapacity {
    /**
     * Requests let in per hashing thread. A request hashes once or twice (~45 ms each on a server core), so the
     * last one in waits about two seconds: long enough to ride out a burst, short of any client's patience.
     */
    public static final int REQUESTS_PER_HASHER = 32;
    /** Never fewer, so a small machine still takes a burst of sign-ins that smart lockout should judge. */
    public static final int LEAST_REQUESTS = 64;

    private static final ScopedValue<Boolean> ADMITTED = ScopedValue.newInstance();
    /** In a request whose handler admits itself where it hashes ({@link #letTheHandlerAdmit}): the capacity to ask. */
    private static final ScopedValue<HashingCapacity> ADMITS_WHERE_IT_HASHES = ScopedValue.newInstance();

    private final Semaphore requests;
    private final int limit;
    private final LongAdder turnedAway = new LongAdder();

    public HashingCapacity(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("at least one request must be able to hash");
        }
        this.limit = requests;
        this.requests = new Semaphore(requests);
    }

    /** Room for {@link #REQUESTS_PER_HASHER} requests per thread of {@code hasher}, and at least {@link #LEAST_REQUESTS}. */
    public static HashingCapacity of(PasswordHasher hasher) {
        return new HashingCapacity(Math.max(LEAST_REQUESTS, hasher.maxConcurrent() * REQUESTS_PER_HASHER));
    }

    public int limit() {
        return limit;
    }

    /** Requests admitted and not yet answered. */
    public int inUse() {
        return limit - requests.availablePermits();
    }

    /** Requests answered "busy" since the start. */
    public long turnedAway() {
        return turnedAway.sum();
    }

    /**
     * Runs a hashing route's request if there is room for it now.
     *
     * @throws Busy without running {@code request} when {@link #limit()} requests are in already
     */
    public <T> T admit(Callable<T> request) throws Exception {
        if (!requests.tryAcquire()) {
            turnedAway.increment();
            throw new Busy();
        }
        try {
            return ScopedValue.where(ADMITTED, true).call(request::call);
        } finally {
            requests.release();
        }
    }

    /**
     * Runs the request of a route that hashes on some paths only: not admitted at the door, it may hash only inside
     * {@link #admitHere}, which its handler calls where it is about to hash.
     */
    public <T> T letTheHandlerAdmit(Callable<T> request) throws Exception {
        return ScopedValue.where(ADMITTED, false).where(ADMITS_WHERE_IT_HASHES, this).call(request::call);
    }

    /**
     * Runs {@code work}, which hashes, once admitted: in a request of {@link #letTheHandlerAdmit}, if there is room
     * now, else {@link Busy} before {@code work} does anything; outside requests, at once (work outside requests
     * hashes freely). Call it before the work changes anything, as the door would have been.
     */
    public static <T> T admitHere(java.util.function.Supplier<T> work) {
        if (!ADMITS_WHERE_IT_HASHES.isBound()) {
            return work.get();
        }
        try {
            return ADMITS_WHERE_IT_HASHES.get().admit(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // a Supplier throws no checked exception
        }
    }

    /** Runs the request of a route that doesn't hash; a hash asked for inside it is a programming error. */
    public static <T> T withoutHashing(Callable<T> request) throws Exception {
        return ScopedValue.where(ADMITTED, false).call(request::call);
    }

    /** Called before every hash: refuses inside a request that wasn't admitted as hashing. */
    static void checkAdmitted() {
        if (ADMITTED.isBound() && !ADMITTED.get()) {
            throw new IllegalStateException("A route hashes but isn't declared as hashing (ApiRoute.Builder.hashing()),"
                    + " or hashes outside HashingCapacity.admitHere");
        }
    }

    /** No room: nothing of the request has run. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("every hashing slot is taken", null, false, false);
        }
    }
}
