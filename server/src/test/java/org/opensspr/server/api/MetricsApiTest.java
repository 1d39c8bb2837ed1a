package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.metrics.MetricsEndpoint;
import org.opensspr.server.metrics.MetricsSettings;
import org.opensspr.server.metrics.PrometheusText;
import org.opensspr.server.testing.SharedServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics} against the real server, scraped over HTTP from loopback and parsed as Prometheus parses it.
 * Scrapes from other hosts are decided in {@code MetricsAccessTest} and answered in {@code MetricsEndpointTest}: a
 * test here can only connect from loopback.
 */
@SharedServer
class MetricsApiTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InProcessServer server;

    @Test
    void theScrapeCarriesTheJvmAndProcessBasics() throws Exception {
        PrometheusText scrape = scrape();

        assertThat(scrape.type("jvm_threads_live_threads")).hasValue("gauge");
        assertThat(scrape.samples()).extracting(PrometheusText.Sample::name)
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                        "process_uptime_seconds", "process_cpu_usage", "system_cpu_count");
    }

    @Test
    void fromLoopbackAScrapeNeedsNoCredentialButAPresentedOneMustBeRight() throws Exception {
        HttpResponse<String> served = get(null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
        assertThat(get(InetAddress.getByName("127.0.0.2"), null).statusCode()).as("all of 127/8").isEqualTo(200);

        HttpResponse<String> wrong = get(null, "Bearer not-a-token-of-this-server");
        assertThat(wrong.statusCode()).as("no token is configured, so none is right").isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        JsonNode error = JSON.readTree(wrong.body());
        assertThat(error.path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(wrong.body()).doesNotContain("opensspr_", "not-a-token");

        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void withATokenConfiguredTheRightBearerIsServedAndAnyOtherCredentialRefused() throws Exception {
        String token = "s3cret-metrics-token-for-tests";
        try (InProcessServer withToken = InProcessServer.startWithMetrics(TestDatabases.H2,
                new MetricsSettings("OPENSSPR_METRICS_TOKEN", token))) {
            assertThat(get(withToken, null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> right = get(withToken, null, "Bearer " + token);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(PrometheusText.parse(right.body()).samples()).isNotEmpty();
            assertThat(get(withToken, null, "bearer " + token).statusCode()).as("the scheme in any case").isEqualTo(200);

            assertThat(get(withToken, null, "Bearer " + token + "x").statusCode()).isEqualTo(401);
            assertThat(get(withToken, null, "Bearer " + token.substring(1)).statusCode()).isEqualTo(401);
            assertThat(get(withToken, null, "Basic " + token).statusCode()).isEqualTo(401);
            assertThat(get(withToken, null, "Bearer ").statusCode()).isEqualTo(401);
        }
    }

    private PrometheusText scrape() throws IOException, InterruptedException {
        return scrape(server);
    }

    private static PrometheusText scrape(InProcessServer target) throws IOException, InterruptedException {
        HttpResponse<String> response = get(target, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private HttpResponse<String> get(InetAddress from, String authorization) throws IOException, InterruptedException {
        return get(server, from, authorization);
    }

    /** A scrape as Prometheus sends it, from {@code from} (a loopback address; null: 127.0.0.1). */
    static HttpResponse<String> get(InProcessServer target, InetAddress from, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + MetricsEndpoint.PATH)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient client = from == null ? HTTP : HttpClient.newBuilder().localAddress(from).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
