package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's what-if agrees with what the kiosk actually answers, for every demo person. */
class WhatIfApiTest {
    private static final ObjectMapper JSON = Json.newMapper();

    @OnBothDatabases
    void whatIfMatchesTheKioskForEveryDemoPerson(InProcessServer server) throws IOException {
        server.server().seedDemo();
        String admin = TestAdmins.signIn(server, Role.USER_ADMINISTRATOR);
        List<String> people = server.server().directory().listUsers(
                org.opensspr.server.directory.ListQuery.of("", "upn", 0, 200, List.of("upn", "displayName", "createdAt")))
                .items().stream().map(u -> u.userPrincipalName()).toList();
        assertThat(people).hasSizeGreaterThanOrEqualTo(20);

        for (String upn : people) {
            JsonNode whatIf = JSON.readTree(server.get("/api/v1/policy/what-if?user=" + upn, admin).body());
            JsonNode kiosk = ResetFlowApiTest.resetting(server, upn).last.path("step");
            assertThat(whatIf.path("firstStep")).as(upn).isEqualTo(kiosk);
        }
        assertThat(JSON.readTree(server.get("/api/v1/policy/what-if?user=miriam.graham@contoso.example", admin)
                .body()).path("reason").asText()).isEqualTo("ADMIN_NEEDS_TWO_METHODS");
        assertThat(server.get("/api/v1/policy/what-if?user=x@y.z&intent=NAP", admin).statusCode()).isEqualTo(400);
    }
}
