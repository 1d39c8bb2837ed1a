package org.opensspr.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.http.Principal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code /metrics} answers a scraper on another host, over HTTP through the server's own listener and error
 * answers. The test can only connect from loopback, so the endpoint reads the client's address from a header the
 * test sets — a seam of this test alone: the server's endpoint reads the connection's address.
 */
class MetricsEndpointTest {
    private static final String TOKEN = "s3cret-metrics-token-for-tests";
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private void serve(MetricsSettings settings) {
        registry.counter("demo.scrapes").increment();
        MetricsEndpoint endpoint = new MetricsEndpoint(registry, new MetricsAccess(settings),
                ctx -> ctx.header("X-Test-Client-Address"));
        app = new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN)
                .create(List.of(), new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test",
                        List.of(endpoint.endpoint())).start();
    }

    private HttpResponse<String> scrape(String from, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                .header("X-Test-Client-Address", from);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherHostIsServedOnlyWithTheRightToken() throws Exception {
        serve(new MetricsSettings("METRICS_TOKEN", TOKEN));

        HttpResponse<String> right = scrape("10.0.0.5", "Bearer " + TOKEN);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
        assertThat(PrometheusText.parse(right.body()).value("demo_scrapes_total", java.util.Map.of())).isEqualTo(1);

        refused(scrape("10.0.0.5", null), 401, "UNAUTHENTICATED");
        refused(scrape("10.0.0.5", "Bearer not-the-token-at-all"), 401, "UNAUTHENTICATED");
        refused(scrape("[2001:db8:0:0:0:0:0:1]", "Basic " + TOKEN), 401, "UNAUTHENTICATED");
        assertThat(scrape("127.0.0.1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenAnotherHostIsForbiddenWhateverItSends() throws Exception {
        serve(MetricsSettings.NONE);

        refused(scrape("10.0.0.5", null), 403, "FORBIDDEN");
        refused(scrape("10.0.0.5", "Bearer " + TOKEN), 401, "UNAUTHENTICATED");
        assertThat(scrape("::1", null).statusCode()).isEqualTo(200);
    }

    /** A refusal says why in the API's JSON error and nothing more: no meter, no credential echoed. */
    private static void refused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = Json.newMapper().readTree(response.body());
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("opensspr_", TOKEN, "not-the-token");
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        }
    }
}
