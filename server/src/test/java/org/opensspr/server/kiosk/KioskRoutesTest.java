package org.opensspr.server.kiosk;

import org.opensspr.server.audit.AuditSeals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.Principal;
import org.opensspr.server.time.ServerClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route-mapping test: the kiosk routes over real HTTP, with a stand-in authenticator (fixed admin tokens,
 * kiosk credentials through {@link KioskService#authenticate}) until the server's own is wired in.
 * The service's behaviour on both databases is {@link KioskServiceTest}'s job.
 */
class KioskRoutesTest {
    private static final String ADMIN = "admin-token";
    private static final String HELPDESK = "helpdesk-token";

    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<SsprPolicy> policy = new AtomicReference<>(SsprPolicy.defaults());
    private Database db;
    private Javalin app;

    @BeforeEach
    void start() {
        db = TestDatabases.H2.fresh();
        KioskService kiosks = new KioskService(db, ServerClock.movable(Clock.systemUTC()), () -> "AB:CD", AuditSeals.log(db, Clock.systemUTC()));
        KioskNetworkGate gate = KioskNetworkGate.forKioskRoutes(policy::get);
        app = new ApiServerFactory((token, address) -> principal(kiosks, token, address), gate)
                .create(new KioskFeature(kiosks, gate).routes(),
                        new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test")
                .start();
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
        http.close();
    }

    private static Principal principal(KioskService kiosks, String token, String address) {
        if (token == null) {
            return Principal.ANONYMOUS;
        }
        return switch (token) {
            case ADMIN -> new Principal.Admin("u1", "ada@example.org", Set.of(Role.GLOBAL_ADMINISTRATOR), "s1");
            case HELPDESK -> new Principal.Admin("u2", "hal@example.org", Set.of(Role.HELPDESK_ADMINISTRATOR), "s2");
            default -> kiosks.authenticate(token, address).orElseThrow(
                    () -> new ApiException(ErrorCode.UNAUTHENTICATED, "Unknown credential."));
        };
    }

    @Test
    void anAdminEnrollsAKioskThatThenKnowsItselfUntilRevoked() throws Exception {
        HttpResponse<String> created = call("POST", "/kiosks", ADMIN, "{\"name\":\"Reception\"}");
        JsonNode code = json.readTree(created.body());
        HttpResponse<String> enrolled = call("POST", "/kiosks/enroll", null,
                "{\"code\":\"" + code.get("code").asText() + "\",\"deviceName\":\"kiosk-01\"}");
        String credential = json.readTree(enrolled.body()).get("credential").asText();
        HttpResponse<String> me = call("GET", "/kiosks/me", credential, null);
        HttpResponse<String> list = call("GET", "/kiosks?page=0&size=10", ADMIN, null);
        HttpResponse<String> revoked = call("POST", "/kiosks/" + code.get("kioskId").asText() + "/revoke", ADMIN, null);
        HttpResponse<String> meAfter = call("GET", "/kiosks/me", credential, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(code.get("kioskName").asText()).isEqualTo("Reception");
        assertThat(enrolled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(enrolled.body()).get("serverCertificateFingerprint").asText()).isEqualTo("AB:CD");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("deviceName").asText()).isEqualTo("kiosk-01");
        assertThat(json.readTree(me.body()).get("lastSeenAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(json.readTree(list.body()).get("total").asInt()).isEqualTo(1);
        assertThat(json.readTree(list.body()).get("items").get(0).get("status").asText()).isEqualTo("ENROLLED");
        assertThat(json.readTree(revoked.body()).get("status").asText()).isEqualTo("REVOKED");
        assertThat(meAfter.statusCode()).isEqualTo(401);
        assertThat(errorCode(meAfter)).isEqualTo("KIOSK_REVOKED");
    }

    @Test
    void managingKiosksNeedsThePermission() throws Exception {
        assertThat(errorCode(call("POST", "/kiosks", HELPDESK, "{\"name\":\"Reception\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(call("GET", "/kiosks", HELPDESK, null))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(call("POST", "/kiosks/x/revoke", null, null))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(call("GET", "/kiosks/me", ADMIN, null))).isEqualTo("UNAUTHENTICATED");
        assertThat(db.dsl().fetchCount(org.opensspr.server.db.Tables.KIOSK)).isZero();
    }

    @Test
    void badRequestsGetTheirOwnCodes() throws Exception {
        assertThat(errorCode(call("POST", "/kiosks", ADMIN, "{\"name\":\"\"}"))).isEqualTo("INVALID_VALUE");
        assertThat(errorCode(call("POST", "/kiosks/enroll", null, "{\"code\":\"0000-0000-0000-0000\",\"deviceName\":null}")))
                .isEqualTo("INVALID_VALUE");
        assertThat(errorCode(call("POST", "/kiosks/no-such-id/revoke", ADMIN, null))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(call("GET", "/kiosks?size=1000", ADMIN, null))).isEqualTo("INVALID_VALUE");
        assertThat(errorCode(call("GET", "/kiosks?page=-1", ADMIN, null))).isEqualTo("INVALID_VALUE");
        assertThat(errorCode(call("GET", "/kiosks/me", "k.not-a-kiosk", null))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void kiosksOutsideTheAllowedNetworksCantEnrollOrCall() throws Exception {
        String code = json.readTree(call("POST", "/kiosks", ADMIN, "{\"name\":\"Reception\"}").body()).get("code").asText();
        String enroll = "{\"code\":\"" + code + "\",\"deviceName\":null}";
        policy.set(policy.get().withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8"))));

        HttpResponse<String> refused = call("POST", "/kiosks/enroll", null, enroll);
        policy.set(policy.get().withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8", "127.0.0.0/8"))));
        String credential = json.readTree(call("POST", "/kiosks/enroll", null, enroll).body()).get("credential").asText();
        HttpResponse<String> allowed = call("GET", "/kiosks/me", credential, null);
        policy.set(policy.get().withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8"))));
        HttpResponse<String> denied = call("GET", "/kiosks/me", credential, null);
        HttpResponse<String> adminStillWorks = call("GET", "/kiosks", ADMIN, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(errorCode(refused)).isEqualTo("KIOSK_NETWORK_DENIED");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(errorCode(denied)).isEqualTo("KIOSK_NETWORK_DENIED");
        assertThat(adminStillWorks.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String errorCode(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("code").asText();
    }
}
