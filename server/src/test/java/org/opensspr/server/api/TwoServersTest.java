package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.Json;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.throttling.Throttle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Three server instances on one PostgreSQL database, as behind a load balancer (docs/design.md §1): whatever
 * one instance did, the next request is answered the same whichever instance it reaches — a flow goes on
 * anywhere, throttles and lockout count every instance's requests, a captcha or policy from one holds on the
 * others, and the audit chain both instances seal stays one valid chain.
 */
class TwoServersTest {
    private static final ObjectMapper JSON = Json.newMapper();

    private InProcessServer a;
    private InProcessServer b;
    private InProcessServer c;

    @BeforeEach
    void startThreeServersOnOneDatabase() {
        a = InProcessServer.start(TestDatabases.POSTGRES);
        b = InProcessServer.alongside(a);
        c = InProcessServer.alongside(a);
    }

    @AfterEach
    void stopThem() {
        for (InProcessServer server : new InProcessServer[]{c, b, a}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aFlowStartedOnOneServerFinishesOnAnother() {
        ResetFlowApiTest.policy(a, 1);
        ResetFlowApiTest.ann(a);
        FlowClient flow = new FlowClient(a);

        flow.start("RESET_PASSWORD");
        flow.server = b;
        flow.identify(ResetFlowApiTest.ANN);
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        flow.server = c;
        flow.choose("EMAIL");
        String spent = flow.ticket;
        flow.server = a;
        flow.proveCode(flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        flow.server = b;
        flow.password(ResetFlowApiTest.NEW_PASSWORD);

        assertThat(flow.lastStatus).isEqualTo(200);
        assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        FlowClient replay = new FlowClient(c);
        replay.ticket = spent;
        replay.proveCode("12345678");
        assertThat(replay.lastStatus).as("a ticket spent on one server opens nothing on another").isGreaterThanOrEqualTo(400);
        assertThat(signIn(c, ResetFlowApiTest.ANN, ResetFlowApiTest.NEW_PASSWORD).path("outcome").asText())
                .as("the new password works on a third server").isEqualTo("SIGNED_IN");
    }

    @Test
    void aKioskStartsNoMoreFlowsThanItsLimitWhenItsStartsArriveAtOnceOnThreeServers() throws Exception {
        String kiosk = enrolledKiosk(a);
        int limit = Throttle.KIOSK_FLOW_STARTS.limit();
        int tries = limit + 15;
        List<InProcessServer> servers = List.of(a, b, c);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tries)) {
            for (int i = 0; i < tries; i++) {
                InProcessServer server = servers.get(i % servers.size());
                Callable<Integer> start = () -> {
                    go.await();
                    FlowClient flow = new FlowClient(server, kiosk);
                    flow.start("RESET_PASSWORD");
                    return flow.lastStatus;
                };
                statuses.add(pool.submit(start));
            }
            go.countDown();
            int started = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                switch (status.get(2, TimeUnit.MINUTES)) {
                    case 201 -> started++;
                    case 429 -> refused++;
                    default -> throw new AssertionError("neither started nor throttled: " + status.get());
                }
            }
            assertThat(started).as("starts accepted out of %d at once", tries).isEqualTo(limit);
            assertThat(refused).isEqualTo(tries - limit);
        }
        for (InProcessServer server : servers) {
            FlowClient next = new FlowClient(server, kiosk);
            JsonNode answer = next.start("RESET_PASSWORD");
            assertThat(next.lastStatus).as("the next start on %s", server.url()).isEqualTo(429);
            assertThat(answer.path("code").asText()).isEqualTo("THROTTLED");
        }
    }

    @Test
    void failedProofsOnThreeServersBlockTheUserOnAll() {
        ResetFlowApiTest.policy(a, 1);
        ResetFlowApiTest.ann(a);
        FlowClient flow = ResetFlowApiTest.resetting(a, ResetFlowApiTest.ANN);
        flow.choose("MOBILE_APP_CODE");
        List<InProcessServer> servers = List.of(a, b, c);
        for (int i = 1; i <= 4; i++) {
            flow.server = servers.get(i % 3);
            flow.proveCode("00000" + i);
            assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        }
        flow.server = servers.get(5 % 3);
        flow.proveCode("000005");
        assertThat(flow.last.path("step").path("reason").asText()).as("the 5th failure, on any server").isEqualTo("BLOCKED");

        for (InProcessServer server : servers) {
            FlowClient later = ResetFlowApiTest.resetting(server, ResetFlowApiTest.ANN);
            assertThat(later.last.path("step").path("reason").asText()).as("a new flow on %s", server.url())
                    .isEqualTo("BLOCKED");
        }
    }

    @Test
    void wrongPasswordsOnThreeServersLockTheAccountOnAll() {
        a.server().policies().update(a.server().policies().current().version(),
                a.server().policies().currentPolicy().withScope(ScopePolicy.all()), "test");
        TestPeople.cloudUser(a, "bob@contoso.example", ResetFlowApiTest.PASSWORD, false);
        List<InProcessServer> servers = List.of(a, b, c);

        for (int i = 1; i <= 9; i++) {
            assertThat(signIn(servers.get(i % 3), "bob@contoso.example", "Wrong-Guess-" + i).path("outcome").asText())
                    .isEqualTo("WRONG_PASSWORD");
        }
        assertThat(signIn(b, "bob@contoso.example", "Wrong-Guess-10").path("outcome").asText())
                .as("the 10th failure, counted with the other servers' nine").isEqualTo("LOCKED");
        for (InProcessServer server : servers) {
            assertThat(signIn(server, "bob@contoso.example", ResetFlowApiTest.PASSWORD).path("outcome").asText())
                    .as("even the right password on %s", server.url()).isEqualTo("LOCKED");
        }
    }

    @Test
    void aCaptchaDrawnOnOneServerIsAnsweredOnAnotherOnlyWhileItIsTheNewest() {
        ResetFlowApiTest.policy(a, 1);
        ResetFlowApiTest.ann(a);
        FlowClient flow = new FlowClient(a);
        flow.start("RESET_PASSWORD");
        String drawnOnA = flow.last.path("captcha").path("captchaId").asText();
        flow.server = b;
        flow.post("/reset/flows/captcha", flow.withTicket());
        String drawnOnB = flow.last.path("captcha").path("captchaId").asText();

        flow.server = c;
        identify(flow, drawnOnA);
        assertThat(flow.last.path("notice").asText()).as("A's captcha, replaced on B").isEqualTo("WRONG_CAPTCHA");
        String drawnOnC = flow.last.path("captcha").path("captchaId").asText();
        flow.server = a;
        identify(flow, drawnOnB);
        assertThat(flow.last.path("notice").asText()).as("B's captcha, replaced on C").isEqualTo("WRONG_CAPTCHA");
        flow.server = b;
        identify(flow, flow.last.path("captcha").path("captchaId").asText());
        assertThat(drawnOnC).isNotEqualTo(drawnOnB);
        assertThat(flow.step()).as("A's newest captcha, answered on B").isEqualTo("CHOOSE_METHOD");
    }

    @Test
    void aPolicySavedOnOneServerHoldsOnTheOthersNextRequest() {
        String kiosk = enrolledKiosk(a);
        ResetFlowApiTest.policy(a, 1);
        FlowClient before = new FlowClient(b, kiosk);
        before.start("RESET_PASSWORD");
        assertThat(before.lastStatus).as("B has read and kept version 1").isEqualTo(201);

        a.server().policies().update(a.server().policies().current().version(), a.server().policies().currentPolicy()
                .withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8"))), "test");

        FlowClient after = new FlowClient(b, kiosk);
        JsonNode refused = after.start("RESET_PASSWORD");
        assertThat(after.lastStatus).isEqualTo(403);
        assertThat(refused.path("code").asText()).isEqualTo("KIOSK_NETWORK_DENIED");
        assertThat(b.server().policies().current().version()).isEqualTo(a.server().policies().current().version());
    }

    @Test
    void theAuditChainTwoServersAppendToAndSealAtOnceStaysOneValidChain() throws Exception {
        int perServer = 300;
        long before = a.server().database().dsl().fetchCount(AUDIT_EVENT);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (InProcessServer server : List.of(a, b)) {
                for (int writer = 0; writer < 2; writer++) {
                    int w = writer;
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perServer / 2; i++) {
                            server.server().auditLog().append(server.server().database().dsl(), AuditEntry.success(
                                    AuditActivity.SSPR_POLICY_CHANGES, "writer-" + w, "event " + i));
                        }
                        return null;
                    }));
                }
                // Each server seals while both write, besides its own background sealer.
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20; i++) {
                        server.server().auditChain().seal();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> done : work) {
                done.get(2, TimeUnit.MINUTES);
            }
        }

        long events = a.server().database().dsl().fetchCount(AUDIT_EVENT);
        assertThat(events - before).isEqualTo(2L * perServer);
        for (InProcessServer server : List.of(a, b)) {
            AuditChainState state = server.server().auditChain().verifyNow(checked -> {
            });
            assertThat(state.intact()).as("the chain as %s verifies it: %s", server.url(), state).isTrue();
            assertThat(state.linksChecked()).as("every event is linked once").isEqualTo(events);
        }
    }

    @Test
    void aServerWithAnotherSecretKeyRefusesToStartAndTheOthersGoOn() {
        assertThatThrownBy(() -> InProcessServer.alongsideWithAnotherKey(a))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another secret key");

        ResetFlowApiTest.policy(a, 1);
        ResetFlowApiTest.ann(a);
        FlowClient flow = ResetFlowApiTest.resetting(b, ResetFlowApiTest.ANN);
        flow.choose("EMAIL");
        flow.server = c;
        flow.proveCode(flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE));
        assertThat(flow.step()).as("a code B fingerprinted, proved on C").isEqualTo("SET_NEW_PASSWORD");
        assertThat(a.server().auditChain().verifyNow(checked -> {
        }).intact()).isTrue();
    }

    private static String enrolledKiosk(InProcessServer server) {
        String code = server.server().kiosks().createEnrollment("Reception", "test").code();
        return server.server().kiosks().enroll(new KioskEnrollRequest(code, "host-1"), "127.0.0.1").credential();
    }

    private static void identify(FlowClient flow, String captchaId) {
        flow.post("/reset/flows/identify", flow.withTicket().put("userId", ResetFlowApiTest.ANN)
                .put("captchaId", captchaId).put("captchaAnswer", "OPENSSPR"));
    }

    private static JsonNode signIn(InProcessServer server, String user, String password) {
        HttpResponse<String> response = server.json("POST", "/api/v1/signin", null,
                "{\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
