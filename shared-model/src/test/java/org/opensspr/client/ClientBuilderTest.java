package org.opensspr.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.api.ApiPaths;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the builder accepts and refuses, and the small helpers of the core. */
class ClientBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sspr.example.org",
            "http://10.0.0.5:8080",
            "http://192.168.1.10/sspr",
            "http://[2001:db8::1]:8080",
            "http://localhost.example.org",
            "http://127.0.0.1.example.org"})
    void plainHttpToAnotherMachineIsRefusedAtBuildTime(String url) {
        assertThatThrownBy(() -> OpenSsprClient.builder().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use https");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # given                           | normalized
            http://127.0.0.1:8080             | http://127.0.0.1:8080
            http://127.10.0.1/                | http://127.10.0.1
            http://LOCALHOST:1/               | http://localhost:1
            http://[::1]:9                    | http://[::1]:9
            https://sspr.example.org          | https://sspr.example.org
            https://10.0.0.5:8443/sspr/       | https://10.0.0.5:8443/sspr
            """, delimiter = '|')
    void loopbackHttpAndAnyHttpsAreAccepted(String url, String normalized) {
        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl(url).build()) {
            assertThat(client.baseUrl()).isEqualTo(normalized);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "ftp://sspr.example.org", "https://", "https://ada:pw@sspr.example.org",
            "https://sspr.example.org/?tenant=1", "https://sspr.example.org/#top"})
    void unusableBaseUrlsAreRefused(String url) {
        assertThatThrownBy(() -> OpenSsprClient.builder().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaseUrlIsRequired() {
        assertThatThrownBy(() -> OpenSsprClient.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL");
    }

    @Test
    void timeoutsMustBePositiveAndPinsMustBeFingerprints() {
        OpenSsprClientBuilder builder = OpenSsprClient.builder();
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.readTimeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.callTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.pinnedCertificate("AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.userAgent(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathPrefixInTheBaseUrlIsKept() {
        try (TestServer server = TestServer.http()
                .replyJson("GET", "/sspr" + ApiPaths.HEALTH, 200, "{\"status\":\"UP\",\"version\":\"1\"}");
             OpenSsprClient client = OpenSsprClient.builder().baseUrl(server.baseUrl() + "/sspr/").build()) {

            assertThat(client.health().isUp()).isTrue();
            assertThat(server.onlyRequest().path()).isEqualTo("/sspr/api/v1/health");
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # value           | segment
            ada               | ada
            ada lovelace      | ada%20lovelace
            a/b               | a%2Fb
            ../admin          | ..%2Fadmin
            ?x=1#y            | %3Fx%3D1%23y
            é.v_1~            | %C3%A9.v_1~
            """, delimiter = '|')
    void pathSegmentsAreEncoded(String value, String segment) {
        assertThat(ApiTransport.segment(value)).isEqualTo(segment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void dotSegmentsCannotBeSent(String value) {
        assertThatThrownBy(() -> ApiTransport.segment(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # header                          | expected (null = none)
            120                               | 2026-11-03T10:02:00Z
            0                                 | 2026-11-03T10:00:00Z
            Tue, 03 Nov 2026 10:30:00 GMT     | 2026-11-03T10:30:00Z
            -5                                |
            soon                              |
            """, delimiter = '|')
    void retryAfterHeadersAreReadAsSecondsOrDates(String header, String expected) {
        Instant now = Instant.parse("2026-11-03T10:00:00Z");
        assertThat(ApiTransport.retryAfter(header, now)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
