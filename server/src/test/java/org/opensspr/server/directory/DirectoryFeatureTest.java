package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.http.Principal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route-mapping test: the directory routes assembled into an app with a stand-in authenticator that
 * maps fixed tokens to administrators (the real sign-in is another feature's). Checks paths, access
 * rules, status codes and error codes, not the services' logic (tested on both databases elsewhere). Pre-filling
 * contact data is the helpdesk's (HelpdeskApiTest).
 */
class DirectoryFeatureTest {
    private static final Map<String, Principal> TOKENS = Map.of(
            "global", new Principal.Admin("u-global", "global@contoso.com", Set.of(Role.GLOBAL_ADMINISTRATOR), "s1"),
            "useradmin", new Principal.Admin("u-ua", "ua@contoso.com", Set.of(Role.USER_ADMINISTRATOR), "s2"),
            "helpdesk", new Principal.Admin("u-hd", "hd@contoso.com", Set.of(Role.HELPDESK_ADMINISTRATOR), "s3"),
            "reports", new Principal.Admin("u-rr", "rr@contoso.com", Set.of(Role.REPORTS_READER), "s4"));

    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private Javalin app;

    @BeforeEach
    void start() {
        db = TestDatabases.H2.fresh();
        Clock clock = Clock.fixed(DirectoryServiceTest.START, ZoneOffset.UTC);
        DirectoryFeature feature = new DirectoryFeature(new DirectoryService(db, clock, AuditSeals.log(db, clock)), new GroupService(db, clock, AuditSeals.log(db, clock)),
                new UserImportService(db, clock, AuditSeals.log(db, clock)));
        app = new ApiServerFactory(this::authenticate, NetworkGate.OPEN).create(feature.routes(),
                new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test").start();
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    private Principal authenticate(String token, String address) {
        if (token == null) {
            return Principal.ANONYMOUS;
        }
        Principal principal = TOKENS.get(token);
        if (principal == null) {
            throw new ApiException(org.opensspr.api.ErrorCode.UNAUTHENTICATED, "Unknown token.");
        }
        return principal;
    }

    @Test
    void usersLifecycleThroughTheRoutes() throws Exception {
        String body = """
                {"userPrincipalName":"ada@contoso.com","givenName":"Ada","surname":"Lovelace",
                 "displayName":"Ada Lovelace","source":"CLOUD","enabled":true,"onPremisesProtected":false,
                 "primaryEmail":"ada@contoso.com","preferredLanguage":"en"}""";

        HttpResponse<String> created = send("useradmin", "POST", "/users", "application/json", body);
        String id = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> list = send("helpdesk", "GET", "/users?q=ADA&sort=-displayName&page=0&size=10", null, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(send("useradmin", "POST", "/users", "application/json", body.replace("ada@", "ADA@")))
                .satisfies(r -> assertError(r, 409, "CONFLICT"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).get("total").asInt()).isEqualTo(1);
        assertThat(send("helpdesk", "GET", "/users/" + id, null, null).statusCode()).isEqualTo(200);
        assertThat(send("global", "PUT", "/users/" + id + "/roles", "application/json", "{\"roles\":[\"REPORTS_READER\"]}")
                .statusCode()).isEqualTo(200);
        assertThat(send("global", "DELETE", "/users/" + id, null, null).statusCode()).isEqualTo(204);
        assertError(send("global", "GET", "/users/" + id, null, null), 404, "NOT_FOUND");
    }

    @Test
    void accessFollowsTheRoles() throws Exception {
        assertError(send(null, "GET", "/users", null, null), 401, "UNAUTHENTICATED");
        assertError(send("reports", "GET", "/users", null, null), 403, "FORBIDDEN");
        assertError(send("helpdesk", "POST", "/groups", "application/json", "{\"name\":\"x\",\"description\":\"\"}"),
                403, "FORBIDDEN");
        assertError(send("useradmin", "PUT", "/users/x/roles", "application/json", "{\"roles\":[]}"), 403, "FORBIDDEN");
        assertError(send("helpdesk", "POST", "/users/import", "text/csv", "upn\n"), 403, "FORBIDDEN");
    }

    @Test
    void badQueriesAndBodiesAreTheClientsMistake() throws Exception {
        assertError(send("global", "GET", "/users?sort=password", null, null), 400, "INVALID_VALUE");
        assertError(send("global", "GET", "/users?size=500", null, null), 400, "INVALID_VALUE");
        assertError(send("global", "GET", "/groups?page=x", null, null), 400, "WRONG_TYPE");
        assertError(send("global", "POST", "/users", "application/json", "{\"userPrincipalName\":\"a@b.c\"}"),
                400, "MISSING_FIELD");
        assertError(send("global", "POST", "/users", "application/json", """
                {"userPrincipalName":"a@b.c","givenName":"","surname":"","displayName":"A","source":"MARS",
                 "enabled":true,"onPremisesProtected":false,"primaryEmail":"","preferredLanguage":""}"""),
                400, "INVALID_VALUE");
        assertError(send("global", "PUT", "/users/x/roles", "application/json", "{\"roles\":[\"ROOT\"]}"),
                422, "VALIDATION_FAILED");
        assertError(send("global", "PUT", "/users/x/roles", "application/json", "{\"roles\":[\"REPORTS_READER\"]}"),
                404, "NOT_FOUND");
    }

    @Test
    void groupsAndMembersThroughTheRoutes() throws Exception {
        String pilot = json.readTree(send("useradmin", "POST", "/groups", "application/json",
                "{\"name\":\"Pilot\",\"description\":\"\"}").body()).get("id").asText();
        String wave = json.readTree(send("useradmin", "POST", "/groups", "application/json",
                "{\"name\":\"Wave\",\"description\":\"\"}").body()).get("id").asText();

        assertThat(send("useradmin", "PUT", "/groups/" + pilot + "/members/groups/" + wave, null, null).statusCode())
                .isEqualTo(204);
        assertError(send("useradmin", "PUT", "/groups/" + pilot + "/members/groups/" + pilot, null, null), 400,
                "INVALID_VALUE");
        assertError(send("useradmin", "PUT", "/groups/" + pilot + "/members/users/nobody", null, null), 404,
                "NOT_FOUND");
        JsonNode members = json.readTree(send("helpdesk", "GET", "/groups/" + pilot + "/members?size=5", null, null).body());
        JsonNode heldBy = json.readTree(send("helpdesk", "GET", "/groups/" + wave + "/held-by?among=" + pilot
                + ",%20unknown,," + pilot, null, null).body());
        assertThat(heldBy).hasSize(1);
        assertThat(heldBy.at("/0/name").asText()).isEqualTo("Pilot");
        assertError(send("reports", "GET", "/groups/" + wave + "/held-by?among=" + pilot, null, null), 403, "FORBIDDEN");
        assertThat(members.at("/items/0/name").asText()).isEqualTo("Wave");
        assertThat(send("useradmin", "DELETE", "/groups/" + pilot + "/members/groups/" + wave, null, null).statusCode())
                .isEqualTo(204);
        assertThat(send("useradmin", "DELETE", "/groups/" + wave, null, null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(send("helpdesk", "GET", "/groups?sort=-createdAt", null, null).body())
                .get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aCsvImportWithErrorsAnswers422NamingEachLineAndAGoodOne200() throws Exception {
        String header = String.join(",", ImportRowReader.COLUMNS);
        String bad = header + "\nada@contoso.com,Ada,L,Ada,CLOUD,true,,,0791234567,,,Pilot,\n"
                + "bob@contoso.com,Bob,B,Bob,CLOUD,perhaps,,,,,,,\n";
        String good = header + "\r\nada@contoso.com,Ada,L,Ada,CLOUD,true,,,+41 79 123 45 67,,,Pilot,\r\n";

        HttpResponse<String> rejected = send("useradmin", "POST", "/users/import", "text/csv; charset=utf-8", bad);
        HttpResponse<String> imported = send("useradmin", "POST", "/users/import", "text/csv", good);

        assertError(rejected, 422, "VALIDATION_FAILED");
        JsonNode errors = json.readTree(rejected.body()).get("fieldErrors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("lines[2].mobilePhone");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("lines[3].enabled");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("importedCount").asInt()).isEqualTo(1);
        assertError(send("useradmin", "POST", "/users/import", "application/json", "{}"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theOpenApiDocumentListsEveryDirectoryRoute() throws Exception {
        JsonNode paths = json.readTree(send(null, "GET", "/openapi.json", null, null).body()).get("paths");

        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/users", "/api/v1/users/{id}",
                "/api/v1/users/{id}/roles", "/api/v1/users/import", "/api/v1/groups",
                "/api/v1/groups/{id}", "/api/v1/groups/{id}/members", "/api/v1/groups/{id}/held-by",
                "/api/v1/groups/{id}/members/users/{userId}",
                "/api/v1/groups/{id}/members/groups/{groupId}");
        assertThat(paths.at("/~1api~1v1~1users~1{id}~1roles/put/x-access").asText()).isEqualTo("admin:MANAGE_ROLES");
        assertThat(paths.at("/~1api~1v1~1users/get/responses/200/content/application~1json/schema/properties/items/type")
                .asText()).isEqualTo("array");
    }

    private HttpResponse<String> send(String token, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo(code);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
