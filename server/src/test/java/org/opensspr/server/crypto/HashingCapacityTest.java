package org.opensspr.server.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 28: at most the limit of hashing requests in at once; the next is turned away before it runs. */
class HashingCapacityTest {
    private final PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1, 16, 32),
            new SecureRandom(), 1);

    @Test
    void aRequestBeyondTheLimitIsTurnedAwayWithoutRunningAndTheNextFreeSlotAdmitsAgain() throws Exception {
        HashingCapacity capacity = new HashingCapacity(2);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = callers.submit(() -> capacity.admit(() -> holdSlot(ran, inside, release)));
            Future<?> second = callers.submit(() -> capacity.admit(() -> holdSlot(ran, inside, release)));
            inside.await();

            assertThat(capacity.inUse()).isEqualTo(2);
            assertThatThrownBy(() -> capacity.admit(ran::incrementAndGet)).isInstanceOf(HashingCapacity.Busy.class);
            assertThat(ran).as("the turned-away request did nothing").hasValue(2);
            assertThat(capacity.turnedAway()).isEqualTo(1);

            release.countDown();
            first.get();
            second.get();
        }
        assertThat(capacity.inUse()).isZero();
        assertThat(capacity.admit(() -> cheap.verify("secret", cheap.hash("secret")))).isTrue();
        assertThat(capacity.turnedAway()).isEqualTo(1);
    }

    @Test
    void aSlotIsGivenBackWhenTheRequestFails() throws Exception {
        HashingCapacity capacity = new HashingCapacity(1);

        assertThatThrownBy(() -> capacity.admit(() -> {
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");

        assertThat(capacity.inUse()).isZero();
        assertThat(capacity.admit(() -> "in")).isEqualTo("in");
    }

    @Test
    void aRouteNotDeclaredHashingCannotHash() {
        assertThatThrownBy(() -> HashingCapacity.withoutHashing(() -> cheap.hash("secret")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hashing()");
        assertThatThrownBy(() -> HashingCapacity.withoutHashing(() -> cheap.verify("secret", "$argon2id$v=19$m=64,"
                + "t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8")))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A route that hashes on some paths only: it hashes inside {@code admitHere} alone, admitted there or BUSY. */
    @Test
    void aRouteAdmittedWhereItHashesHashesOnlyOnceAdmittedThere() throws Exception {
        HashingCapacity capacity = new HashingCapacity(1);

        assertThat(capacity.letTheHandlerAdmit(() -> "a code: nothing hashed, no slot")).isNotNull();
        assertThat(capacity.letTheHandlerAdmit(() -> HashingCapacity.admitHere(() -> cheap.hash("secret"))))
                .startsWith("$argon2id$");
        assertThatThrownBy(() -> capacity.letTheHandlerAdmit(() -> cheap.hash("secret")))
                .as("a hash outside admitHere").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admitHere");

        AtomicInteger ran = new AtomicInteger();
        Object answer = capacity.admit(() -> capacity.letTheHandlerAdmit(() -> {
            assertThat(capacity.inUse()).as("the one slot is taken").isEqualTo(1);
            assertThatThrownBy(() -> HashingCapacity.admitHere(ran::incrementAndGet))
                    .isInstanceOf(HashingCapacity.Busy.class);
            return "cheap work still runs";
        }));
        assertThat(answer).isEqualTo("cheap work still runs");
        assertThat(ran).as("the turned-away work did nothing").hasValue(0);
        assertThat(capacity.turnedAway()).isEqualTo(1);
        assertThat(capacity.inUse()).isZero();
        assertThat(HashingCapacity.admitHere(() -> cheap.verify("secret", cheap.hash("secret"))))
                .as("outside any request, at once").isTrue();
    }

    @Test
    void workOutsideAnyRequestHashesFreely() {
        assertThat(cheap.verify("secret", cheap.hash("secret"))).isTrue();
    }

    private static Object holdSlot(AtomicInteger ran, CountDownLatch inside, CountDownLatch release)
            throws InterruptedException {
        ran.incrementAndGet();
        inside.countDown();
        release.await();
        return null;
    }
}
