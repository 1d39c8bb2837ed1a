package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.DailyActivityDto;
import org.opensspr.api.DurationBucketDto;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.Json;
import org.opensspr.api.MethodOutcomeDto;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.ReasonCountDto;
import org.opensspr.api.UserDetailDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.api.ResetFlowApiTest.ANN;
import static org.opensspr.server.api.ResetFlowApiTest.ANN_ALTERNATE;
import static org.opensspr.server.api.ResetFlowApiTest.NEW_PASSWORD;
import static org.opensspr.server.api.ResetFlowApiTest.PASSWORD;
import static org.opensspr.server.api.ResetFlowApiTest.TOTP_SECRET;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/**
 * {@code GET /insights} after real flows over HTTP: resets, an unlock and a block at 23:30 UTC, which is the next
 * day in Berlin, counted by the sealer's rollups and read back per day, per method and per reason.
 */
class InsightsApiTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String BOB = "bob@contoso.example";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @OnBothDatabases
    void theReportCountsWhatKiosksDidOnTheZonesDays(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        Instant now = server.server().clock().instant();
        // To 23:30 UTC: the flows below happen on UTC day d, and on day d + 1 in Berlin.
        Instant half = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(23 * 60 + 30));
        if (!half.isAfter(now)) {
            half = half.plus(Duration.ofDays(1));
        }
        ResetFlowApiTest.advance(server, Duration.between(now, half).toSeconds());
        LocalDate utcDay = LocalDate.ofInstant(half, ZoneOffset.UTC);
        // Signed in after the clock moved (a session started before would have ended).
        try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
            InsightsDto before = reader.insights().report(utcDay, utcDay, ZoneOffset.UTC);
            UserDetailDto ann = ResetFlowApiTest.ann(server);
            bob(server);

            FlowClient reset = ResetFlowApiTest.resetting(server, ANN);
            reset.choose("EMAIL");
            reset.proveCode("00000000");
            reset.proveCode(reset.codeSentTo(ANN_ALTERNATE));
            ResetFlowApiTest.advance(server, 90);
            reset.password(NEW_PASSWORD);
            assertThat(reset.step()).isEqualTo("COMPLETED");

            server.server().database().inTransactionDo(tx -> tx.update(DIRECTORY_USER).set(DIRECTORY_USER.LOCKED, true)
                    .where(DIRECTORY_USER.ID.eq(ann.id())).execute());
            FlowClient unlock = new FlowClient(server);
            unlock.start("UNLOCK_ACCOUNT");
            unlock.identify(ANN);
            unlock.choose("EMAIL");
            unlock.proveCode(unlock.codeSentTo(ANN_ALTERNATE));
            unlock.unlock();
            assertThat(unlock.step()).isEqualTo("COMPLETED");

            FlowClient blocked = ResetFlowApiTest.resetting(server, BOB);
            blocked.choose("MOBILE_APP_CODE");
            for (int i = 1; i <= 5; i++) {
                blocked.proveCode("00000" + i);
            }
            assertThat(blocked.last.path("step").path("reason").asText()).isEqualTo("BLOCKED");
            Instant blockedAt = server.server().clock().instant();
            server.server().auditChain().seal();

            InsightsDto berlin = reader.insights().report(utcDay.plusDays(1), utcDay.plusDays(1), BERLIN);
            assertThat(berlin.zone()).isEqualTo("Europe/Berlin");
            assertThat(berlin.days()).containsExactly(new DailyActivityDto(utcDay.plusDays(1), 1, 0, 1, 0, 1));
            assertThat(berlin.gates()).extracting(MethodOutcomeDto::method).containsExactly(AuthMethod.values());
            assertThat(berlin.gates()).contains(new MethodOutcomeDto(AuthMethod.EMAIL, 2, 1),
                    new MethodOutcomeDto(AuthMethod.MOBILE_APP_CODE, 0, 5),
                    new MethodOutcomeDto(AuthMethod.SECURITY_QUESTIONS, 0, 0));
            assertThat(berlin.failures()).contains(new ReasonCountDto("too many attempts or sends", 1));
            assertThat(berlin.failures().getFirst().count()).as(berlin.failures().toString()).isGreaterThanOrEqualTo(5);
            assertThat(berlin.blocked().blockedInRange()).isEqualTo(1);
            assertThat(berlin.blocked().blockedNow()).isEqualTo(1);
            assertThat(berlin.blocked().users()).hasSize(1).first().satisfies(user -> {
                assertThat(user.userPrincipalName()).isEqualTo(BOB);
                assertThat(user.blockedUntil()).isBetween(blockedAt.plus(Duration.ofHours(24)).minusSeconds(5),
                        blockedAt.plus(Duration.ofHours(24)));
            });
            // The reset took 90 s and a little (up to 2 min), the unlock a moment (up to 30 s).
            assertThat(berlin.timeToReset().completed()).isEqualTo(2);
            assertThat(berlin.timeToReset().buckets()).containsExactly(new DurationBucketDto(30L, 1),
                    new DurationBucketDto(60L, 0), new DurationBucketDto(120L, 1), new DurationBucketDto(300L, 0),
                    new DurationBucketDto(600L, 0), new DurationBucketDto(1_800L, 0), new DurationBucketDto(null, 0));
            assertThat(berlin.timeToReset().medianSeconds()).isEqualTo(30L);
            assertThat(berlin.timeToReset().p90Seconds()).isEqualTo(120L);

            // The same events, on UTC's day d; Berlin's day d ended at 23:00 UTC, before them.
            InsightsDto utc = reader.insights().report(utcDay, utcDay.plusDays(1), ZoneOffset.UTC);
            assertThat(utc.days()).containsExactly(new DailyActivityDto(utcDay, 1, 0, 1, 0, 1),
                    new DailyActivityDto(utcDay.plusDays(1), 0, 0, 0, 0, 0));
            assertThat(reader.insights().report(utcDay, utcDay, BERLIN).days())
                    .containsExactly(new DailyActivityDto(utcDay, 0, 0, 0, 0, 0));

            // Registration now: Ann (email, app, questions) and Bob (app) joined the users in scope.
            var was = before.registration();
            var is = berlin.registration();
            assertThat(is.usersInScope() - was.usersInScope()).isEqualTo(2);
            assertThat(is.registered() - was.registered()).isEqualTo(2);
            assertThat(is.capable() - was.capable()).isEqualTo(2);
            assertThat(is.byMethod()).extracting(MethodUsersDto::method)
                    .containsExactly(AuthMethod.Registration.values());
            assertThat(users(is.byMethod(), AuthMethod.Registration.AUTHENTICATOR_APP)
                    - users(was.byMethod(), AuthMethod.Registration.AUTHENTICATOR_APP)).isEqualTo(2);
            assertThat(users(is.byMethod(), AuthMethod.Registration.SECURITY_QUESTIONS)
                    - users(was.byMethod(), AuthMethod.Registration.SECURITY_QUESTIONS)).isEqualTo(1);
        }
    }

    @OnBothDatabases
    void aReportsReaderReadsItAHelpdeskAdministratorMayNot(InProcessServer server) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            InsightsDto year = reader.insights().report(today.minusDays(365), today, BERLIN);
            assertThat(year.days()).hasSize(366).allSatisfy(day -> assertThat(day.resetsSucceeded()).isZero());
            assertThat(year.days().getFirst().day()).isEqualTo(today.minusDays(365));
            assertThat(year.failures()).isEmpty();
            assertThat(year.timeToReset().completed()).isZero();
            assertThat(year.timeToReset().medianSeconds()).isNull();

            assertThatThrownBy(() -> helpdesk.insights().report(today, today, BERLIN))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @OnBothDatabases
    void aWrongParameterIsNamed(InProcessServer server) throws IOException {
        String token = TestAdmins.signIn(server, Role.REPORTS_READER);
        Map<String, String> wrong = Map.of(
                "from=2026-13-01&to=2026-12-01&zone=UTC", "from",
                "from=2026-12-01&to=yesterday&zone=UTC", "to",
                "from=2026-12-02&to=2026-12-01&zone=UTC", "to",
                "from=2025-01-01&to=2026-01-02&zone=UTC", "to",
                "from=2026-12-01&to=2026-12-01&zone=Mars%2FOlympus_Mons", "zone",
                "from=2026-12-01&to=2026-12-01", "zone",
                "to=2026-12-01&zone=UTC", "from");
        for (var entry : wrong.entrySet()) {
            var response = server.get("/api/v1/insights?" + entry.getKey(), token);
            JsonNode error = JSON.readTree(response.body());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(422);
            assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("fieldErrors").findValuesAsText("field")).as(entry.getKey())
                    .containsExactly(entry.getValue());
        }
        assertThat(server.get("/api/v1/insights?from=2025-01-01&to=2026-01-01&zone=Asia%2FKolkata", token)
                .statusCode()).as("366 days").isEqualTo(200);
    }

    private static long users(java.util.List<MethodUsersDto> byMethod, AuthMethod.Registration method) {
        return byMethod.stream().filter(m -> m.method() == method).mapToLong(MethodUsersDto::users).sum();
    }

    /** Bob: a cloud user with the Authenticator app only. */
    private static void bob(InProcessServer server) {
        UserDetailDto bob = TestPeople.cloudUser(server, BOB, PASSWORD, false);
        server.server().database().inTransactionDo(tx ->
                server.server().userTotp().registerWithSecret(tx, bob.id(), TOTP_SECRET));
    }
}
