package org.opensspr.server.api;

import org.jooq.Record4;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** Issue #15: directory changes are audited too, each by the change that causes it, and a refused one by none. */
class DirectoryAuditTest {
    private static final String USER = """
            {"userPrincipalName":"dora@contoso.example","givenName":"Dora","surname":"Diaz","displayName":"Dora Diaz",
             "source":"CLOUD","enabled":true,"onPremisesProtected":false,"primaryEmail":"","preferredLanguage":""}""";

    @OnBothDatabases
    void everyDirectoryChangeIsAuditedWithWhoWhatAndDetails(InProcessServer server) {
        var enrollment = TestAdmins.create(server, Role.GLOBAL_ADMINISTRATOR);
        String global = TestAdmins.signIn(server, enrollment);
        String admin = enrollment.userPrincipalName();
        long before = newestId(server);

        HttpResponse<String> created = server.json("POST", "/api/v1/users", global, USER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = PhoneAndNotificationApiTest.read(created.body()).path("id").asText();
        assertThat(server.json("PUT", "/api/v1/users/" + id, global, USER.replace("dora@", "dora.diaz@")
                .replace("\"Dora Diaz\"", "\"Dora D.\"")).statusCode()).isEqualTo(200);
        assertThat(server.json("PUT", "/api/v1/users/" + id + "/roles", global,
                "{\"roles\":[\"REPORTS_READER\"]}").statusCode()).isEqualTo(200);
        assertThat(server.json("PUT", "/api/v1/users/" + id + "/roles", global, "{\"roles\":[]}").statusCode())
                .isEqualTo(200);
        try (OpenSsprClient console = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            String pilot = console.createGroup(new GroupWriteRequest("Pilot", "")).id();
            String wave = console.createGroup(new GroupWriteRequest("Wave", "")).id();
            console.addUserToGroup(pilot, id);
            console.addUserToGroup(pilot, id); // already a member: nothing changes, nothing is audited
            console.addGroupToGroup(pilot, wave);
            console.removeGroupFromGroup(pilot, wave);
            console.removeUserFromGroup(pilot, id);
            assertThat(server.json("DELETE", "/api/v1/groups/" + wave, global, "").statusCode()).isEqualTo(204);
            assertThat(console.importUsers((String.join(",", org.opensspr.api.ImportColumns.NAMES) + "\n"
                    + "eve@contoso.example,Eve,E,Eve E,CLOUD,true,,,,,,Imported,\n").getBytes(StandardCharsets.UTF_8),
                    sent -> { }).imported()).isTrue();
            String kiosk = console.createKiosk("Reception").kioskId();
            console.revokeKiosk(kiosk);
            console.revokeKiosk(kiosk);
        }
        assertThat(server.json("DELETE", "/api/v1/users/" + id, global, "").statusCode()).isEqualTo(204);

        List<String> written = server.server().database().dsl()
                .select(AUDIT_EVENT.ACTIVITY, AUDIT_EVENT.ACTOR, AUDIT_EVENT.TARGET, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.ID.gt(before))
                .and(AUDIT_EVENT.ACTIVITY.notIn("Self-service password reset policy changes"))
                .orderBy(AUDIT_EVENT.ID).fetch(row -> describe(row, admin));
        assertThat(written).containsExactly(
                "Add user | admin | dora@contoso.example | ",
                "Update user | admin | dora.diaz@contoso.example | changed: userPrincipalName (was dora@contoso.example),"
                        + " displayName",
                "Add member to role | admin | dora.diaz@contoso.example | REPORTS_READER",
                "Remove member from role | admin | dora.diaz@contoso.example | REPORTS_READER",
                "Add group | console | Pilot | ",
                "Add group | console | Wave | ",
                "Add member to group | console | Pilot | user dora.diaz@contoso.example",
                "Add member to group | console | Pilot | group Wave",
                "Remove member from group | console | Pilot | group Wave",
                "Remove member from group | console | Pilot | user dora.diaz@contoso.example",
                "Delete group | admin | Wave | ",
                "Bulk import users | console | directory | 1 users, 1 new groups",
                "Add kiosk | console | Reception | ",
                "Revoke kiosk | console | Reception | ",
                "Delete user | admin | dora.diaz@contoso.example | ");
    }

    @OnBothDatabases
    void aRefusedChangeWritesNoEntry(InProcessServer server) {
        String userAdmin = TestAdmins.signIn(server, Role.USER_ADMINISTRATOR);
        long before = newestId(server);
        assertThat(server.json("POST", "/api/v1/users", userAdmin, USER.replace("dora@contoso.example", "no at sign"))
                .statusCode()).isEqualTo(422);
        assertThat(server.json("DELETE", "/api/v1/users/nobody", userAdmin, "").statusCode()).isEqualTo(404);
        assertThat(server.json("PUT", "/api/v1/users/nobody/roles", userAdmin, "{\"roles\":[]}").statusCode())
                .isEqualTo(403);
        assertThat(server.server().database().dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ID.gt(before))).isZero();
    }

    /** "activity | admin or console | target | details", the kiosk's generated id left out. */
    private static String describe(Record4<String, String, String, String> row, String admin) {
        String actor = row.value2().equals(admin) ? "admin" : "console";
        String details = row.value4().startsWith("kiosk ") ? "" : row.value4();
        return row.value1() + " | " + actor + " | " + row.value3() + " | " + details;
    }

    private static long newestId(InProcessServer server) {
        Long id = server.server().database().dsl().select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT)
                .fetchOne().value1();
        return id == null ? 0 : id;
    }
}
