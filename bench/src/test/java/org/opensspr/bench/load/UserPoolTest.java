package org.opensspr.bench.load;

import org.junit.jupiter.api.Test;
import org.opensspr.methods.AuthMethod;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Who the pool lends, on clocks the test moves: each app step's code once per user, ten emails in ten minutes. */
class UserPoolTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong millis = new AtomicLong(1_800_000_010_000L); // inside an app step

    @Test
    void aUserWhoUsedThisStepsCodeWaitsForTheNextStep() throws Exception {
        UserPool pool = pool(AuthMethod.MOBILE_APP_CODE, 1);
        long step = AuthenticatorApp.stepAt(millis.get());

        UserPool.Lease first = pool.lease(nanos.get()).orElseThrow();
        pool.release(first, "New-Password-1", 0, step);

        assertThat(pool.lease(nanos.get())).as("this step's code is spent").isEmpty();
        millis.addAndGet(AuthenticatorApp.STEP_MILLIS);
        Optional<UserPool.Lease> next = pool.lease(nanos.get());
        assertThat(next).hasValueSatisfying(lease -> {
            assertThat(lease.lastAppStep()).isEqualTo(step);
            assertThat(lease.hadPassword()).isTrue();
        });
        assertThat(pool.ranOutOfEmails()).isFalse();
    }

    @Test
    void aUserSentTenEmailsInTenMinutesIsNotLentAgain() throws Exception {
        UserPool pool = pool(AuthMethod.EMAIL, 1);
        for (int i = 0; i < UserPool.EMAILS_ALLOWED; i++) {
            pool.release(pool.lease(nanos.get()).orElseThrow(), null, i, 0);
        }

        assertThat(pool.lease(nanos.get())).isEmpty();
        assertThat(pool.ranOutOfEmails()).isTrue();
        nanos.addAndGet(UserPool.EMAIL_WINDOW.toNanos() + 1);
        assertThat(pool.lease(nanos.get())).isPresent();
    }

    private UserPool pool(AuthMethod method, int users) {
        List<LoadUser> people = java.util.stream.IntStream.rangeClosed(1, users)
                .mapToObj(n -> LoadUser.numbered("pool", n)).toList();
        return new UserPool(people, MethodPlan.of(method), nanos::get, millis::get);
    }
}
