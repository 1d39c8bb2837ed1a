package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.Json;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.metrics.MetricsEndpoint;
import org.opensspr.server.metrics.MetricsSettings;
import org.opensspr.server.metrics.PrometheusText;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.TestDirectory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * {@code GET /metrics} against the real server: flows walked over HTTP as a kiosk walks them, then the scrape read
 * over HTTP from loopback and parsed as Prometheus parses it; each counter must have moved by exactly what the flow
 * did. Scrapes from other hosts are decided in {@code MetricsAccessTest} and answered in {@code MetricsEndpointTest}:
 * a test here can only connect from loopback. That a rolled-back step counts nothing is {@code AfterCommitTest}'s.
 */
@SharedServer
class MetricsApiTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String PASSWORD = ResetFlowApiTest.PASSWORD;
    private static final String NEW_PASSWORD = ResetFlowApiTest.NEW_PASSWORD;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InProcessServer server;

    @Test
    void aCompletedEmailResetMovesItsCountersByExactlyWhatItDid() throws Exception {
        ResetFlowApiTest.policy(server, 1);
        String upn = "mia@contoso.example";
        person(upn, "mia@private.example");
        server.server().delivery().deliverDueNow();
        int emailsBefore = emailsSent();
        Delta delta = new Delta(scrape());

        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(upn);
        flow.choose("EMAIL");
        String code = flow.codeSentTo("mia@private.example");
        flow.proveCode(code.equals("00000000") ? "11111111" : "00000000");
        flow.proveCode(code);
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
        // Sends what the reset queued (the code went already): the notices of the reset.
        server.server().delivery().deliverDueNow();
        int emails = emailsSent() - emailsBefore;

        HttpResponse<String> response = get(null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
        delta.after(PrometheusText.parse(response.body()));
        assertThat(delta.of("opensspr_flows_started_total", "intent", "reset_password")).isEqualTo(1);
        assertThat(delta.of("opensspr_flows_started_total", "intent", "unlock_account")).isZero();
        assertThat(delta.of("opensspr_flow_gates_total", "method", "email", "result", "failed")).isEqualTo(1);
        assertThat(delta.of("opensspr_flow_gates_total", "method", "email", "result", "passed")).isEqualTo(1);
        assertThat(delta.sum("opensspr_flow_gates_total")).as("no other gate").isEqualTo(2);
        assertThat(delta.of("opensspr_flows_completed_total", "intent", "reset_password", "onprem", "false"))
                .isEqualTo(1);
        assertThat(delta.sum("opensspr_flows_completed_total")).isEqualTo(1);
        assertThat(delta.sum("opensspr_flows_failed_total")).isZero();
        assertThat(delta.sum("opensspr_throttle_blocks_total")).isZero();
        assertThat(emails).as("the code and the notice of the reset").isGreaterThanOrEqualTo(2);
        assertThat(delta.of("opensspr_delivery_seconds_count", "channel", "email")).isEqualTo(emails);
        assertThat(delta.sum("opensspr_delivery_seconds_count")).isEqualTo(emails);
        assertThat(delta.sum("opensspr_delivery_failures_total")).isZero();
        // Its database work: a committed transaction at least per step (start, identify, choose, two proofs, the
        // password), statements beyond them.
        assertThat(delta.sum("opensspr_db_transactions_total")).isGreaterThanOrEqualTo(6);
        assertThat(delta.sum("opensspr_db_statements_total")).isGreaterThan(delta.sum("opensspr_db_transactions_total"));
    }

    @Test
    void theScrapeDeclaresItsTypesAndCarriesTheJvmAndProcessBasics() throws Exception {
        PrometheusText scrape = scrape();

        assertThat(scrape.type("opensspr_flows_started_total")).hasValue("counter");
        assertThat(scrape.type("opensspr_delivery_seconds")).hasValue("histogram");
        assertThat(scrape.type("opensspr_writeback_seconds")).hasValue("histogram");
        assertThat(scrape.find("opensspr_delivery_seconds_bucket", Map.of("channel", "sms", "le", "1.0")))
                .as("a fixed bucket per channel").isPresent();
        assertThat(scrape.samples()).extracting(PrometheusText.Sample::name)
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                        "process_uptime_seconds", "process_cpu_usage", "system_cpu_count");
        assertThat(scrape.value("opensspr_writeback_seconds_count",
                Map.of("operation", "reset", "outcome", "done"))).as("no directory here").isZero();
    }

    @Test
    void wrongAppCodesFailTheirGateAndTheFifthBlocksTheUserInEveryFlowThatMeetsTheBlock() throws Exception {
        ResetFlowApiTest.policy(server, 1);
        UserDetailDto leo = person("leo@contoso.example", "leo@private.example");
        server.server().database().inTransactionDo(tx ->
                server.server().userTotp().registerWithSecret(tx, leo.id(), ResetFlowApiTest.TOTP_SECRET));
        Delta delta = new Delta(scrape());

        FlowClient flow = ResetFlowApiTest.resetting(server, "leo@contoso.example");
        flow.choose("MOBILE_APP_CODE");
        for (int i = 1; i <= 5; i++) {
            flow.proveCode("00000" + i);
        }
        assertThat(flow.last.path("step").path("reason").asText()).isEqualTo("BLOCKED");
        FlowClient later = ResetFlowApiTest.resetting(server, "leo@contoso.example");
        assertThat(later.last.path("step").path("reason").asText()).isEqualTo("BLOCKED");

        delta.after(scrape());
        assertThat(delta.of("opensspr_flow_gates_total", "method", "mobile_app_code", "result", "failed")).isEqualTo(5);
        assertThat(delta.of("opensspr_flow_gates_total", "method", "mobile_app_code", "result", "passed")).isZero();
        assertThat(delta.of("opensspr_flows_failed_total", "reason", "blocked")).as("both flows").isEqualTo(2);
        assertThat(delta.sum("opensspr_flows_failed_total")).isEqualTo(2);
        assertThat(delta.of("opensspr_throttle_blocks_total", "kind", "failed_proofs")).isEqualTo(2);
        assertThat(delta.sum("opensspr_throttle_blocks_total")).isEqualTo(2);
        assertThat(delta.sum("opensspr_flows_completed_total")).isZero();
    }

    @Test
    void anUnknownNameIsIneligibleAndACancelledFlowAbandoned() throws Exception {
        Delta delta = new Delta(scrape());

        FlowClient unknown = ResetFlowApiTest.resetting(server, "nobody@contoso.example");
        assertThat(unknown.last.path("step").path("reason").asText()).isEqualTo("CANNOT_RESET_HERE");
        FlowClient cancelled = new FlowClient(server);
        cancelled.start("UNLOCK_ACCOUNT");
        cancelled.post("/reset/flows/abandon", cancelled.withTicket());
        assertThat(cancelled.lastStatus).isEqualTo(204);

        delta.after(scrape());
        assertThat(delta.of("opensspr_flows_started_total", "intent", "reset_password")).isEqualTo(1);
        assertThat(delta.of("opensspr_flows_started_total", "intent", "unlock_account")).isEqualTo(1);
        assertThat(delta.of("opensspr_flows_failed_total", "reason", "ineligible")).isEqualTo(1);
        assertThat(delta.of("opensspr_flows_failed_total", "reason", "abandoned")).isEqualTo(1);
        assertThat(delta.sum("opensspr_flows_failed_total")).isEqualTo(2);
    }

    @Test
    void aStartRefusedAtAThrottledKioskCountsAsAThrottleBlockAndNoStart() throws Exception {
        FlowClient kiosk = new FlowClient(server);
        kiosk.from = InetAddress.getByName("127.0.0.3"); // a kiosk of its own, so no other test meets its block
        Delta delta = new Delta(scrape());

        for (int i = 1; i <= 30; i++) {
            kiosk.start("RESET_PASSWORD");
        }
        kiosk.start("RESET_PASSWORD");
        assertThat(kiosk.lastStatus).isEqualTo(429);

        delta.after(scrape());
        assertThat(delta.of("opensspr_flows_started_total", "intent", "reset_password")).isEqualTo(30);
        assertThat(delta.of("opensspr_flows_failed_total", "reason", "throttled")).isEqualTo(1);
        assertThat(delta.of("opensspr_throttle_blocks_total", "kind", "kiosk_flow_starts")).isEqualTo(1);
        assertThat(delta.sum("opensspr_throttle_blocks_total")).isEqualTo(1);
    }

    @Test
    void anOnPremisesResetTimesEachDirectoryCallAndCountsTheOneThatFailed() throws Exception {
        String henrietta = "henrietta@contoso.example";
        try (TestDirectory directory = TestDirectory.plain()) {
            LdapSettings ldap = LdapSettings.openLdap(List.of(directory.url()), TestDirectory.SERVICE_DN,
                    TestDirectory.SERVICE_PASSWORD, TestDirectory.BASE_DN);
            try (InProcessServer hybrid = InProcessServer.start(TestDatabases.H2, null, ldap)) {
                ResetFlowApiTest.policy(hybrid, 1);
                UserDetailDto user = hybrid.server().directory().createUser(DirectoryActor.system("test"),
                        new UserWriteRequest(henrietta, "Henrietta", "Mueller", "Henrietta Mueller",
                                UserSource.ON_PREMISES, true, false, henrietta, "en-US"));
                hybrid.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                        new ContactUpdateRequest("henrietta@private.example", "", ""));
                Delta delta = new Delta(scrape(hybrid));

                FlowClient flow = ResetFlowApiTest.resetting(hybrid, henrietta);
                flow.choose("EMAIL");
                flow.proveCode(flow.codeSentTo("henrietta@private.example"));
                flow.password(NEW_PASSWORD);
                assertThat(flow.lastStatus).as("not in the directory yet").isEqualTo(409);
                directory.addUser("henrietta", henrietta, "Old-Directory-Pass-1");
                flow.password(NEW_PASSWORD);
                assertThat(flow.step()).isEqualTo("COMPLETED");

                delta.after(scrape(hybrid));
                assertThat(delta.of("opensspr_writeback_seconds_count", "operation", "reset", "outcome", "not_found"))
                        .isEqualTo(1);
                assertThat(delta.of("opensspr_writeback_seconds_count", "operation", "reset", "outcome", "done"))
                        .isEqualTo(1);
                assertThat(delta.sum("opensspr_writeback_seconds_count")).isEqualTo(2);
                assertThat(delta.of("opensspr_flows_failed_total", "reason", "writeback_failed")).isEqualTo(1);
                assertThat(delta.of("opensspr_flows_completed_total", "intent", "reset_password", "onprem", "true"))
                        .isEqualTo(1);
                assertThat(delta.sum("opensspr_flows_completed_total")).isEqualTo(1);
            }
        }
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

    /** A cloud user with a password and an alternate email, in scope of the policy. */
    private UserDetailDto person(String upn, String alternate) {
        UserDetailDto user = TestPeople.cloudUser(server, upn, PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest(alternate, "", ""));
        return user;
    }

    private int emailsSent() {
        return server.server().database().dsl().fetchCount(OUTBOX_MESSAGE,
                OUTBOX_MESSAGE.CHANNEL.eq("EMAIL").and(OUTBOX_MESSAGE.STATUS.eq("SENT")));
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

    /** How far each series moved between two scrapes. */
    private static final class Delta {
        private final PrometheusText before;
        private PrometheusText after;

        Delta(PrometheusText before) {
            this.before = before;
        }

        void after(PrometheusText scrape) {
            this.after = scrape;
        }

        /** The one series with exactly these labels (name, value, name, value, …). */
        double of(String name, String... labels) {
            Map<String, String> selected = new java.util.LinkedHashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                selected.put(labels[i], labels[i + 1]);
            }
            return after.value(name, selected) - before.value(name, selected);
        }

        /** Every series of {@code name} together. */
        double sum(String name) {
            return after.sum(name, Map.of()) - before.sum(name, Map.of());
        }
    }
}
