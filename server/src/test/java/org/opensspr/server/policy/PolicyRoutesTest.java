package org.opensspr.server.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.api.ApiError;
import org.opensspr.api.Json;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyRollbackRequest;
import org.opensspr.api.PolicyUpdateRequest;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.api.ProposedPolicyRequest;
import org.opensspr.directory.Role;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.PolicyValidator;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditFeature;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.audit.AuditChainMonitor;
import org.opensspr.server.audit.AuditChainVerifier;
import org.opensspr.server.audit.AuditExport;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.http.Principal;
import org.opensspr.server.time.ServerClock;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.POLICY_VERSION;

/**
 * Route-mapping tests: the policy and audit routes over HTTP with a stand-in authenticator that maps fixed
 * tokens to administrators with one role each (the real sign-in is another feature's). H2 only; the
 * services underneath are tested on both databases.
 */
class PolicyRoutesTest {
    private static final Map<String, Role> TOKENS = Map.of(
            "global", Role.GLOBAL_ADMINISTRATOR,
            "helpdesk", Role.HELPDESK_ADMINISTRATOR,
            "reader", Role.REPORTS_READER);
    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private Javalin app;

    @BeforeEach
    void start() {
        db = TestDatabases.H2.fresh();
        ServerClock clock = ServerClock.system();
        AuditLog auditLog = new AuditLog(db, clock, AuditSeals.fixed());
        List<ApiRoute<?>> routes = new ArrayList<>(new PolicyFeature(new PolicyService(db, auditLog, clock)).routes());
        routes.addAll(new AuditFeature(auditLog, new AuditChainMonitor(
                new AuditChain(db, clock, AuditSeals.fixed()), new AuditChainVerifier(db, clock, AuditSeals.fixed())),
                new AuditExport(db), clock, () -> SiemForwardingDto.NOT_CONFIGURED).routes());
        app = new ApiServerFactory((token, address) -> token == null || !TOKENS.containsKey(token)
                ? Principal.ANONYMOUS
                : new Principal.Admin("id-" + token, token + "@contoso.example", Set.of(TOKENS.get(token)), token),
                NetworkGate.OPEN).create(routes, new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test")
                .start();
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    @Test
    void readUpdateHistoryDiffAndRollbackOverHttp() throws Exception {
        SsprPolicy changed = SsprPolicy.defaults().withRegistration(new RegistrationPolicy(true, 90));

        assertThat(read(send("GET", "/policy", "helpdesk", null), PolicyDocumentDto.class))
                .isEqualTo(PolicyDocumentDto.defaults());
        HttpResponse<String> updated = send("PUT", "/policy", "global", new PolicyUpdateRequest(0, changed));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(read(updated, PolicyDocumentDto.class).author()).isEqualTo("global@contoso.example");

        JsonNode history = json.readTree(send("GET", "/policy/versions?size=5", "reader", null).body());
        assertThat(history.path("total").asInt()).isEqualTo(2);
        assertThat(history.path("items").findValuesAsText("version")).containsExactly("1", "0");
        assertThat(read(send("GET", "/policy/versions/1", "reader", null), PolicyDocumentDto.class).policy())
                .isEqualTo(changed);
        assertThat(read(send("GET", "/policy/diff?from=0&to=1", "reader", null), PolicyDiffDto.class).changes())
                .singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("registration.reconfirmDays"));

        PolicyDocumentDto rolledBack = read(send("POST", "/policy/rollback", "global",
                new PolicyRollbackRequest(0, 1)), PolicyDocumentDto.class);
        assertThat(rolledBack.version()).isEqualTo(2);
        assertThat(rolledBack.rolledBackFrom()).isZero();
        assertThat(rolledBack.policy()).isEqualTo(SsprPolicy.defaults());

        JsonNode audit = json.readTree(send("GET", "/audit?activity=" + URLEncoder.encode(
                "Self-service password reset policy changes", StandardCharsets.UTF_8), "reader", null).body());
        assertThat(audit.path("total").asInt()).isEqualTo(2);
        assertThat(audit.path("items").get(0).path("activity").asText())
                .isEqualTo("Self-service password reset policy changes");
    }

    @Test
    void violationsReachTheClientAsFieldErrorsAndNothingIsStored() throws Exception {
        SsprPolicy invalid = SsprPolicy.defaults().withRegistration(new RegistrationPolicy(true, 731))
                .withPasswordProtection(new PasswordProtectionPolicy(List.of("abc"), 0, 60));

        HttpResponse<String> refused = send("PUT", "/policy", "global", new PolicyUpdateRequest(0, invalid));
        PolicyValidationDto checked = read(send("POST", "/policy/validate", "helpdesk", new ProposedPolicyRequest(invalid)),
                PolicyValidationDto.class);

        assertThat(refused.statusCode()).isEqualTo(422);
        ApiError error = read(refused, ApiError.class);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.fieldErrors()).extracting(ApiError.FieldError::field, ApiError.FieldError::code)
                .containsExactlyElementsOf(PolicyValidator.validate(invalid).stream()
                        .map(v -> org.assertj.core.groups.Tuple.tuple(v.field(), v.code().name())).toList())
                .hasSize(3);
        assertThat(checked.valid()).isFalse();
        assertThat(checked.violations()).isEqualTo(PolicyValidator.validate(invalid));
        assertThat(db.dsl().fetchCount(POLICY_VERSION)).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isZero();
    }

    @Test
    void refusalsUseTheirStableCodes() throws Exception {
        SsprPolicy valid = SsprPolicy.defaults();
        assertThat(send("PUT", "/policy", "global", new PolicyUpdateRequest(0, valid)).statusCode()).isEqualTo(200);

        assertCode(send("PUT", "/policy", "helpdesk", new PolicyUpdateRequest(1, valid)), 403, "FORBIDDEN");
        assertCode(send("POST", "/policy/rollback", "reader", new PolicyRollbackRequest(0, 1)), 403, "FORBIDDEN");
        assertCode(send("GET", "/policy", null, null), 401, "UNAUTHENTICATED");
        assertCode(send("PUT", "/policy", "global", new PolicyUpdateRequest(0, valid)), 409, "VERSION_CONFLICT");
        assertCode(send("PUT", "/policy", "global", new PolicyUpdateRequest(-1, valid)), 400, "INVALID_VALUE");
        assertCode(send("POST", "/policy/rollback", "global", new PolicyRollbackRequest(5, 1)), 404, "NOT_FOUND");
        assertCode(send("GET", "/policy/versions/abc", "reader", null), 400, "WRONG_TYPE");
        assertCode(send("GET", "/policy/versions/-1", "reader", null), 400, "INVALID_VALUE");
        assertCode(send("GET", "/policy/versions/99999999999", "reader", null), 400, "INVALID_VALUE");
        assertCode(send("GET", "/policy/versions/7", "reader", null), 404, "NOT_FOUND");
        assertCode(send("GET", "/policy/diff?from=0", "reader", null), 400, "MISSING_FIELD");
        assertCode(send("GET", "/policy/diff?from=x&to=1", "reader", null), 400, "WRONG_TYPE");
        assertCode(send("GET", "/policy/versions?size=0", "reader", null), 400, "INVALID_VALUE");
        assertCode(send("GET", "/audit", "helpdesk", null), 403, "FORBIDDEN");
        assertCode(send("GET", "/audit?activity=Password+reset", "reader", null), 400, "INVALID_VALUE");
        assertCode(send("GET", "/audit?from=yesterday", "reader", null), 400, "WRONG_TYPE");
        assertCode(send("GET", "/audit?result=MAYBE", "reader", null), 400, "INVALID_VALUE");
        assertCode(send("GET", "/audit?page=-1", "reader", null), 400, "INVALID_VALUE");
        assertThat(db.dsl().fetchCount(POLICY_VERSION)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isEqualTo(1);
    }

    private void assertCode(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(read(response, ApiError.class).code()).isEqualTo(code);
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/v1" + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) throws Exception {
        return json.readValue(response.body(), type);
    }
}
