package org.opensspr.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ApiError.FieldError;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.HealthDto;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers become typed exceptions; no status code or raw body reaches the caller. */
class ClientErrorTest {

    private TestServer server;
    private OpenSsprClient client;

    @BeforeEach
    void start() {
        server = TestServer.http();
        client = OpenSsprClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private OpenSsprApiException healthFails() {
        return Thrown.by(OpenSsprApiException.class, client::health);
    }

    @Test
    void validationErrorCarriesCodeStatusAndFieldErrors() {
        server.replyJson("GET", ApiPaths.HEALTH, 422, """
                {"code":"VALIDATION_FAILED","message":"Some values are not valid.",
                 "fieldErrors":[{"field":"username","code":"REQUIRED","message":"Enter a user name."},
                                {"field":"password","code":"TOO_SHORT","message":"At least 8 characters."}],
                 "requestId":"req-42"}""");

        OpenSsprApiException e = healthFails();

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.fieldErrors()).containsExactly(
                new FieldError("username", "REQUIRED", "Enter a user name."),
                new FieldError("password", "TOO_SHORT", "At least 8 characters."));
        assertThat(e.requestId()).contains("req-42");
        assertThat(e.error().message()).isEqualTo("Some values are not valid.");
        assertThat(e.getMessage()).contains("VALIDATION_FAILED", "422", "username", "req-42");
    }

    @Test
    void anUnknownCodeReadsAsUnknownAndKeepsWhatTheServerSaid() {
        server.replyJson("GET", ApiPaths.HEALTH, 409, """
                {"code":"SOMETHING_FROM_THE_FUTURE","message":"A newer server says no.","extra":{"x":1}}""");

        OpenSsprApiException e = healthFails();

        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN);
        assertThat(e.error().code()).isEqualTo("SOMETHING_FROM_THE_FUTURE");
        assertThat(e.error().message()).isEqualTo("A newer server says no.");
        assertThat(e.status()).isEqualTo(409);
    }

    @Test
    void anHtmlBadGatewayPageGivesACodeFromTheStatus() {
        server.reply("GET", ApiPaths.HEALTH, new TestServer.Reply(502, "text/html",
                "<html><body><h1>502 Bad Gateway</h1></body></html>", java.util.Map.of()));

        OpenSsprApiException e = healthFails();

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.error().message()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE.defaultMessage());
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void anErrorWithoutBodyOrCodeGetsTheStatusCodeAndTheRequestIdHeader() {
        server.reply("GET", ApiPaths.HEALTH,
                new TestServer.Reply(404, null, null, java.util.Map.of(ApiPaths.REQUEST_ID_HEADER, "hdr-7")));

        OpenSsprApiException e = healthFails();

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.requestId()).contains("hdr-7");

        server.replyJson("GET", ApiPaths.HEALTH, 403, "{\"message\":\"Not for you.\"}");
        OpenSsprApiException noCode = healthFails();
        assertThat(noCode.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(noCode.error().message()).isEqualTo("Not for you.");
    }

    @Test
    void throttlingTakesRetryAfterFromTheBodyOrElseTheHeader() {
        Instant lockedUntil = Instant.parse("2026-11-03T10:15:30Z");
        server.reply("GET", ApiPaths.HEALTH, TestServer.Reply.json(423,
                "{\"code\":\"ACCOUNT_LOCKED\",\"message\":\"Locked.\",\"retryAfter\":\"2026-11-03T10:15:30Z\"}")
                .withHeader("Retry-After", "5"));
        OpenSsprApiException locked = healthFails();
        assertThat(locked.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(locked.retryAfter()).contains(lockedUntil);

        server.reply("GET", ApiPaths.HEALTH, TestServer.Reply.json(429, "{\"code\":\"THROTTLED\"}")
                .withHeader("Retry-After", "120"));
        Instant before = Instant.now();
        OpenSsprApiException throttled = healthFails();
        Instant after = Instant.now();
        assertThat(throttled.code()).isEqualTo(ErrorCode.THROTTLED);
        assertThat(throttled.error().message()).isEqualTo(ErrorCode.THROTTLED.defaultMessage());
        assertThat(throttled.retryAfter()).hasValueSatisfying(at -> assertThat(at)
                .isBetween(before.plus(Duration.ofSeconds(120)), after.plus(Duration.ofSeconds(120))));
    }

    /** ADR 28: BUSY says nothing was done, so the call goes again; no other error does. */
    @Test
    void aBusyCallIsMadeAgainAFewTimesAndOtherErrorsOnce() {
        server.reply("GET", ApiPaths.HEALTH, TestServer.Reply.json(503,
                "{\"code\":\"BUSY\",\"message\":\"Busy.\",\"retryAfter\":\"2020-01-01T00:00:00Z\"}"));
        OpenSsprApiException busy = healthFails();
        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(server.received()).hasSize(BusyRetry.ATTEMPTS);

        server.reply("GET", ApiPaths.HEALTH, TestServer.Reply.json(503, "{\"code\":\"SERVICE_UNAVAILABLE\"}"));
        assertThat(healthFails().code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(server.received()).hasSize(BusyRetry.ATTEMPTS + 1);
    }

    @Test
    void theWaitBeforeABusyCallGoesAgainIsTheServersWithinBoundsAndJitter() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        for (int seconds : new int[] {-5, 0, 1, 60}) {
            OpenSsprApiException busy = new OpenSsprApiException(503, org.opensspr.api.ApiError.of(ErrorCode.BUSY)
                    .withRetryAfter(now.plusSeconds(seconds)));
            Duration wait = BusyRetry.waitAfter(busy, now);
            Duration base = seconds <= 0 ? BusyRetry.LEAST_WAIT
                    : seconds == 1 ? Duration.ofSeconds(1) : BusyRetry.MOST_WAIT;
            assertThat(wait).as("Retry-After %d s", seconds).isBetween(base, base.plus(base.dividedBy(2)));
        }
    }

    @Test
    void aSuccessWithABodyThatIsNotTheExpectedJsonIsAnUnexpectedResponse() {
        server.reply("GET", ApiPaths.HEALTH, new TestServer.Reply(200, "text/html",
                "<html>Welcome to the captive portal</html>", java.util.Map.of()));
        UnexpectedResponseException html = Thrown.by(UnexpectedResponseException.class, client::health);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.getMessage()).contains("HealthDto", "text/html").doesNotContain("captive");

        server.replyJson("GET", ApiPaths.HEALTH, 200, "");
        assertThat(Thrown.by(UnexpectedResponseException.class, client::health).getMessage())
                .contains("empty body");

        server.replyJson("GET", ApiPaths.HEALTH, 200, "[1,2,3]");
        assertThat(Thrown.by(UnexpectedResponseException.class, client::health)).isNotNull();

        server.replyJson("GET", ApiPaths.HEALTH, 200, "null");
        assertThat(Thrown.by(UnexpectedResponseException.class, client::health)).isNotNull();
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.reply("GET", ApiPaths.HEALTH, new TestServer.Reply(302, null, null,
                java.util.Map.of("Location", "http://127.0.0.1:1/elsewhere")));

        UnexpectedResponseException e = Thrown.by(UnexpectedResponseException.class, client::health);

        assertThat(e.status()).isEqualTo(302);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void unknownFieldsInASuccessAreIgnored() {
        server.replyJson("GET", ApiPaths.HEALTH, 200,
                "{\"status\":\"UP\",\"version\":\"9.0\",\"uptime\":\"PT3H\",\"nodes\":[{\"id\":1}]}");

        assertThat(client.health()).isEqualTo(new HealthDto("UP", "9.0"));
    }
}
