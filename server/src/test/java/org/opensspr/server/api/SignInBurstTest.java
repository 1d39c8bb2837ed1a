package org.opensspr.server.api;

import org.opensspr.directory.Role;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.SIGN_IN_ATTEMPT;

/**
 * Smart lockout holds against a burst: 30 different wrong passwords sent at once for one name — at the lock
 * screen and at the console — are checked exactly up to the threshold (10), because each attempt is counted,
 * one name at a time, before its password is hashed. Before, all 30 passed the check while the first were
 * still hashing, so an eleventh (and thirtieth) guess was tried.
 */
class SignInBurstTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static final int BURST = 30;
    private static final int THRESHOLD = 10;

    @OnBothDatabases
    void aBurstAtTheLockScreenIsCheckedOnlyUpToTheThreshold(InProcessServer server) throws Exception {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all()), "test");
        TestPeople.cloudUser(server, "burst@contoso.example", PASSWORD, false);

        List<String> outcomes = AllAtOnce.run(guesses(), guess -> {
            HttpResponse<String> answer = server.json("POST", "/api/v1/signin", null,
                    "{\"userName\":\"burst@contoso.example\",\"password\":\"" + guess + "\"}");
            return answer.statusCode() + " " + (answer.body().contains("\"WRONG_PASSWORD\"") ? "WRONG" : "LOCKED");
        });

        assertThat(failuresCounted(server, "burst@contoso.example")).as("passwords checked").isEqualTo(THRESHOLD);
        // The ten checked may all answer LOCKED: by the time a hash ends, the others' failures have locked the name.
        assertThat(outcomes).allMatch(outcome -> outcome.equals("200 WRONG") || outcome.equals("200 LOCKED"));
        assertThat(outcomes).filteredOn("200 LOCKED"::equals).hasSizeGreaterThanOrEqualTo(BURST - THRESHOLD + 1);
        assertThat(server.json("POST", "/api/v1/signin", null, "{\"userName\":\"burst@contoso.example\",\"password\":\""
                + PASSWORD + "\"}").body()).as("the right password after the burst").contains("\"LOCKED\"");
    }

    @OnBothDatabases
    void aBurstAtTheConsoleIsCheckedOnlyUpToTheThreshold(InProcessServer server) throws Exception {
        AdminEnrollment admin = TestAdmins.create(server, Role.GLOBAL_ADMINISTRATOR);
        String upn = admin.userPrincipalName();

        List<Integer> statuses = AllAtOnce.run(guesses(), guess -> server.json("POST", "/api/v1/admin/session",
                null, "{\"username\":\"" + upn + "\",\"password\":\"" + guess + "\",\"totpCode\":\"000000\"}")
                .statusCode());

        assertThat(failuresCounted(server, upn)).as("passwords checked").isEqualTo(THRESHOLD);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(THRESHOLD);
        assertThat(statuses).filteredOn(status -> status == 423).hasSize(BURST - THRESHOLD);
    }

    private static List<String> guesses() {
        return IntStream.rangeClosed(1, BURST).mapToObj(i -> "Wrong-Guess-" + i).toList();
    }

    /**
     * The distinct wrong passwords recorded for the name: the guesses checked. (A guess sent twice, as an
     * HTTP client may resend one, is one guess: smart lockout doesn't count a repeated wrong password.)
     */
    private static int failuresCounted(InProcessServer server, String upn) {
        return server.server().database().dsl().fetchCount(server.server().database().dsl()
                .selectDistinct(SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT).from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.SUBJECT_KEY.eq(upn.toLowerCase(java.util.Locale.ROOT)))
                .and(SIGN_IN_ATTEMPT.SUCCEEDED.isFalse()));
    }
}
