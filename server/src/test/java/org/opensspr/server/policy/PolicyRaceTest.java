package org.opensspr.server.policy;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.POLICY_VERSION;

/**
 * Two administrators save on the same version at the same moment: exactly one new version is stored
 * (with exactly one audit entry); the other gets VERSION_CONFLICT, whichever way the race went.
 */
class PolicyRaceTest {
    private static final int ROUNDS = 15;

    @OnBothDatabases
    void exactlyOneOfTwoRacingUpdatesWins(TestDatabases kind) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Database db = kind.fresh()) {
            PolicyService service = PolicyServiceTest.service(db, PolicyServiceTest.fixedClock());
            List<String> winners = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                int expected = round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<PolicyDocumentDto>> attempts = new ArrayList<>();
                for (String admin : List.of("alice@contoso.example", "bob@contoso.example")) {
                    SsprPolicy policy = SsprPolicy.defaults()
                            .withRegistration(new RegistrationPolicy(true, admin.startsWith("a") ? 30 : 60));
                    attempts.add(threads.submit((Callable<PolicyDocumentDto>) () -> {
                        start.await(30, TimeUnit.SECONDS);
                        return service.update(expected, policy, admin);
                    }));
                }

                List<PolicyDocumentDto> stored = new ArrayList<>();
                List<ErrorCode> refused = new ArrayList<>();
                for (Future<PolicyDocumentDto> attempt : attempts) {
                    try {
                        stored.add(attempt.get(60, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ApiException.class);
                        refused.add(((ApiException) e.getCause()).code());
                    }
                }

                assertThat(stored).as("round %d", round).singleElement()
                        .satisfies(winner -> assertThat(winner.version()).isEqualTo(expected + 1));
                assertThat(refused).as("round %d", round).containsExactly(ErrorCode.VERSION_CONFLICT);
                assertThat(service.version(expected + 1)).isEqualTo(stored.getFirst());
                winners.add(stored.getFirst().author());
            }

            assertThat(db.dsl().fetchCount(POLICY_VERSION)).isEqualTo(ROUNDS);
            assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isEqualTo(ROUNDS);
            assertThat(db.dsl().selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTOR))
                    .containsExactlyElementsOf(winners);
        } finally {
            threads.shutdownNow();
        }
    }
}
