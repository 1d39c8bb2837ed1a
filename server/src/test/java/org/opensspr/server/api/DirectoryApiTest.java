package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory over HTTP: CSV import is all or nothing, pre-fill registers methods, roles are enforced. */
class DirectoryApiTest {
    private static final String HEADER = "upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,"
            + "mobilePhone,officePhone,preferredLanguage,groups,roles\n";

    @OnBothDatabases
    void csvImportIsAllOrNothing(InProcessServer server) throws Exception {
        String admin = TestAdmins.signIn(server, Role.USER_ADMINISTRATOR);
        String good = HEADER
                + "ann@contoso.example,Ann,Lee,Ann Lee,CLOUD,true,ann@contoso.example,ann@home.example,,,en-US,Pilot;Sales,\n"
                + "bob@contoso.example,Bob,Ray,Bob Ray,ON_PREMISES,true,,,+1 425 555 0101,,en-US,Pilot,\n";
        String bad = good + "carl@contoso.example,Carl,Sun,Carl Sun,CLOUD,perhaps,,not-an-email,,,en-US,,\n";
        Map<String, String> before = TableSnapshot.of(server.server().database().dsl());

        HttpResponse<String> rejected = server.send("POST", "/api/v1/users/import", admin, "text/csv", utf8(bad));

        assertThat(rejected.statusCode()).isEqualTo(422);
        JsonNode error = Json.newMapper().readTree(rejected.body());
        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("fieldErrors").toString()).contains("lines[4]");
        assertThat(TableSnapshot.of(server.server().database().dsl())).isEqualTo(before);

        HttpResponse<String> imported = server.send("POST", "/api/v1/users/import", admin, "text/csv", utf8(good));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(Json.newMapper().readTree(imported.body()).path("importedCount").asInt()).isEqualTo(2);
        JsonNode page = Json.newMapper().readTree(server.get("/api/v1/users?q=ANN&sort=upn&size=10", admin).body());
        assertThat(page.path("items").findValuesAsText("userPrincipalName")).containsExactly("ann@contoso.example");
        assertThat(Json.newMapper().readTree(server.get("/api/v1/users?q=b&sort=upn&size=10", admin).body())
                .path("items").findValuesAsText("userPrincipalName")).as("the start of a name, not any part")
                .contains("bob@contoso.example").doesNotContain("ann@contoso.example");
    }

    @OnBothDatabases
    void reportsReadersCannotChangeTheDirectory(InProcessServer server) {
        String reader = TestAdmins.signIn(server, Role.REPORTS_READER);
        Map<String, String> before = TableSnapshot.of(server.server().database().dsl());

        HttpResponse<String> importAttempt = server.send("POST", "/api/v1/users/import", reader, "text/csv",
                utf8(HEADER + "eve@contoso.example,Eve,Ng,Eve Ng,CLOUD,true,,,,,en-US,,\n"));
        HttpResponse<String> listAttempt = server.get("/api/v1/users", reader);

        assertThat(importAttempt.statusCode()).isEqualTo(403);
        assertThat(listAttempt.statusCode()).as("reports readers don't read the directory").isEqualTo(403);
        assertThat(TableSnapshot.of(server.server().database().dsl())).isEqualTo(before);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
