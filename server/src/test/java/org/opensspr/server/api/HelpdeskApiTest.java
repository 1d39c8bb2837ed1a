package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** The helpdesk's actions over HTTP: what each changes, who may take it against whom, and what it ends. */
class HelpdeskApiTest {
    static final String PASSWORD = "Quartz-Meadow-Falcon-17";

    private static void policy(InProcessServer server) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.MOBILE_PHONE), 1, 1, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 0)), "test");
    }

    /** A status and body. */
    record Answer(int status, JsonNode body) {
    }

    private static Answer call(InProcessServer server, String method, String path, String token, String json) {
        HttpResponse<String> response = json == null
                ? server.send(method, "/api/v1" + path, token, null, null)
                : server.json(method, "/api/v1" + path, token, json);
        try {
            return new Answer(response.statusCode(),
                    response.body().isEmpty() ? Json.newMapper().createObjectNode() : Json.newMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer signIn(InProcessServer server, String path, String user, String secret) {
        ObjectNode body = Json.newMapper().createObjectNode().put("userName", user)
                .put(path.equals("/signin") ? "password" : "pass", secret);
        return call(server, "POST", path, null, body.toString());
    }

    private static List<String> audit(InProcessServer server, String activity) {
        return server.server().database().dsl().select(AUDIT_EVENT.ACTOR, AUDIT_EVENT.TARGET, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.ACTIVITY.eq(activity)).orderBy(AUDIT_EVENT.ID)
                .fetch(r -> r.value1() + " -> " + r.value2() + ": " + r.value3());
    }

    @OnBothDatabases
    void aGeneratedPasswordIsShownOnceMustBeChangedAndEndsWhatTheUserHadOpen(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "ada@contoso.example", PASSWORD, false).id();
        server.server().directory().updateContact(DirectoryActor.system("test"), id,
                new ContactUpdateRequest("ada@fabrikam.example", null, null));
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("ada@contoso.example", PASSWORD);
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify("ada@contoso.example");
        String helpdesk = TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR);

        Answer reset = call(server, "POST", "/users/" + id + "/password", helpdesk, "{}");

        assertThat(reset.status()).isEqualTo(200);
        String generated = reset.body().path("generatedPassword").asText();
        assertThat(generated).hasSize(16);
        assertThat(reset.body().path("mustChangeAtNextSignIn").asBoolean()).isTrue();
        assertThat(reset.body().path("sessionsEnded").asInt()).as("the kiosk session and the open flow").isGreaterThanOrEqualTo(2);
        assertThat(signIn(server, "/signin", "ada@contoso.example", PASSWORD).body().path("outcome").asText())
                .isEqualTo("WRONG_PASSWORD");
        assertThat(signIn(server, "/signin", "ada@contoso.example", generated).body().path("outcome").asText())
                .isEqualTo("MUST_CHANGE_PASSWORD");
        kiosk.view();
        assertThat(kiosk.lastStatus).as("the security-info session ended").isEqualTo(401);
        JsonNode ended = flow.choose("EMAIL");
        assertThat(flow.lastStatus).as("the open reset flow ended: %s", ended).isEqualTo(409);
        assertThat(audit(server, "Reset password (by admin)")).singleElement().asString()
                .endsWith("-> ada@contoso.example: generated password, must change at next sign-in")
                .doesNotContain(generated);
        assertThat(PhoneAndNotificationApiTest.newest(server, "EMAIL").path("body").asText()).doesNotContain(generated);
        // The generated password isn't kept anywhere it can be read again.
        assertThat(call(server, "GET", "/users/" + id, helpdesk, null).body().toString()).doesNotContain(generated);
    }

    @OnBothDatabases
    void aTypedPasswordMeetsTheRulesOrNothingChanges(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "bo@contoso.example", PASSWORD, false).id();
        String helpdesk = TestAdmins.signIn(server, Role.PASSWORD_ADMINISTRATOR);

        Answer weak = call(server, "POST", "/users/" + id + "/password", helpdesk, "{\"password\":\"Password1\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body().path("fieldErrors").findValuesAsText("field")).contains("password");
        Answer same = call(server, "POST", "/users/" + id + "/password", helpdesk, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(same.status()).as("not the current password").isEqualTo(422);
        assertThat(audit(server, "Reset password (by admin)")).isEmpty();
        assertThat(signIn(server, "/signin", "bo@contoso.example", PASSWORD).body().path("outcome").asText())
                .isEqualTo("SIGNED_IN");

        Answer typed = call(server, "POST", "/users/" + id + "/password", helpdesk,
                "{\"password\":\"Copper-Willow-Ridge-48\",\"mustChangeAtNextSignIn\":false}");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.body().has("generatedPassword")).isFalse();
        assertThat(signIn(server, "/signin", "bo@contoso.example", "Copper-Willow-Ridge-48").body().path("outcome")
                .asText()).isEqualTo("SIGNED_IN");
    }

    @OnBothDatabases
    void rolesReachOnlyTheAccountsEntraLetsThemReachAndARefusalChangesNothing(InProcessServer server) {
        policy(server);
        var userAdmin = TestAdmins.create(server, Role.USER_ADMINISTRATOR);
        var helpdeskAdmin = TestAdmins.create(server, Role.HELPDESK_ADMINISTRATOR);
        String helpdesk = TestAdmins.signIn(server, helpdeskAdmin);
        String users = TestAdmins.signIn(server, userAdmin);
        String reports = TestAdmins.signIn(server, Role.REPORTS_READER);

        for (String[] action : List.of(new String[]{"POST", "/password", "{}"}, new String[]{"POST", "/unlock", "{}"},
                new String[]{"POST", "/temporary-access-pass", "{}"})) {
            Answer refused = call(server, action[0], "/users/" + userAdmin.userId() + action[1], helpdesk, action[2]);
            assertThat(refused.status()).as(action[1]).isEqualTo(403);
            assertThat(refused.body().path("message").asText()).contains("administrator role your role can't act on");
            Answer own = call(server, action[0], "/users/" + helpdeskAdmin.userId() + action[1], helpdesk, action[2]);
            assertThat(own.status()).isEqualTo(403);
            assertThat(own.body().path("message").asText()).contains("self-service");
            assertThat(call(server, action[0], "/users/" + helpdeskAdmin.userId() + action[1], reports, action[2])
                    .status()).isEqualTo(403);
        }
        assertThat(call(server, "POST", "/users/" + helpdeskAdmin.userId() + "/reregistration", helpdesk, "{}").status())
                .as("a Helpdesk administrator doesn't manage methods").isEqualTo(403);
        assertThat(call(server, "GET", "/users/" + userAdmin.userId() + "/temporary-access-pass", helpdesk, null).status())
                .as("no pass was issued by any refused call").isEqualTo(404);
        assertThat(audit(server, "Reset password (by admin)")).isEmpty();

        Answer reach = call(server, "POST", "/users/" + helpdeskAdmin.userId() + "/password", users, "{}");
        assertThat(reach.status()).as("a User administrator reaches a Helpdesk administrator").isEqualTo(200);
        assertThat(call(server, "POST", "/users/no-such-user/password", users, "{}").status()).isEqualTo(404);
    }

    @OnBothDatabases
    void unlockingEndsTheLockTheLockoutAndTheSsprBlock(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "cy@contoso.example", PASSWORD, false).id();
        Answer locked = null;
        for (int i = 0; i < 11; i++) {
            locked = signIn(server, "/signin", "cy@contoso.example", "Wrong-Guess-" + i);
        }
        assertThat(locked.body().path("outcome").asText()).isEqualTo("LOCKED");
        assertThat(signIn(server, "/signin", "cy@contoso.example", PASSWORD).body().path("outcome").asText())
                .isEqualTo("LOCKED");
        String helpdesk = TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR);

        Answer unlocked = call(server, "POST", "/users/" + id + "/unlock", helpdesk, null);

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body().path("locked").asBoolean()).isFalse();
        assertThat(signIn(server, "/signin", "cy@contoso.example", PASSWORD).body().path("outcome").asText())
                .isEqualTo("SIGNED_IN");
        assertThat(audit(server, "Unlock user account (by admin)")).singleElement().asString()
                .contains("-> cy@contoso.example");
    }

    @OnBothDatabases
    void aOneTimePassSignsInOnceStraightToRegistrationAndIsAuditedWhenSpent(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "dee@contoso.example", PASSWORD, false).id();
        String helpdesk = TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR);
        Instant issuedAt = server.server().clock().instant();

        Answer issued = call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk, "{\"oneTime\":true}");

        assertThat(issued.status()).isEqualTo(201);
        String pass = issued.body().path("pass").asText();
        assertThat(pass).hasSize(8).matches("[A-HJ-NP-Za-km-z2-9]{8}");
        assertThat(Duration.between(issuedAt, Instant.parse(issued.body().path("expiresAt").asText())))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        Answer status = call(server, "GET", "/users/" + id + "/temporary-access-pass", helpdesk, null);
        assertThat(status.body().has("pass")).isFalse();
        assertThat(status.body().path("usable").asBoolean()).isTrue();
        assertThat(signIn(server, "/signin", "dee@contoso.example", pass).body().path("outcome").asText())
                .as("a pass isn't a password").isEqualTo("WRONG_PASSWORD");
        assertThat(signIn(server, "/signin/pass", "dee@contoso.example", "Wrong234").body().path("outcome").asText())
                .isEqualTo("WRONG_PASSWORD");

        Answer first = signIn(server, "/signin/pass", "DEE@contoso.example ", pass);
        assertThat(first.body().path("outcome").asText()).as("%s", first).isEqualTo("SIGNED_IN");
        assertThat(first.body().path("securityInfo").asText()).isEqualTo("REGISTER");
        // The session is proven: the user adds a method without a password or a registered method.
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.session = first.body().path("session").asText();
        kiosk.call("/authenticator/start", kiosk.withSession());
        assertThat(kiosk.lastStatus).isEqualTo(200);

        assertThat(signIn(server, "/signin/pass", "dee@contoso.example", pass).body().path("outcome").asText())
                .as("spent").isEqualTo("WRONG_PASSWORD");
        assertThat(audit(server, "User signed in with a Temporary Access Pass")).singleElement().asString()
                .contains("one-time pass, now spent").doesNotContain(pass);
        // Housekeeping's first run (a second after start) may have got there first; either way, one record.
        server.server().helpdesk().endSpentPasses();
        assertThat(audit(server, "Temporary Access Pass ended")).singleElement().asString().contains("one-time pass used");
        assertThat(call(server, "GET", "/users/" + id + "/temporary-access-pass", helpdesk, null).status()).isEqualTo(404);
    }

    @OnBothDatabases
    void aMultiUsePassWorksUntilItExpiresOrIsRevoked(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "eve@contoso.example", PASSWORD, false).id();
        String helpdesk = TestAdmins.signIn(server, Role.PASSWORD_ADMINISTRATOR);
        assertThat(call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk, "{\"lifetimeMinutes\":9}")
                .body().path("fieldErrors").findValuesAsText("field")).containsExactly("lifetimeMinutes");
        assertThat(call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk,
                "{\"lifetimeMinutes\":43201}").status()).isEqualTo(422);
        assertThat(call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk, "{\"length\":49}")
                .body().path("fieldErrors").findValuesAsText("field")).containsExactly("length");

        String pass = call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk,
                "{\"lifetimeMinutes\":10,\"length\":48}").body().path("pass").asText();
        assertThat(pass).hasSize(48);
        assertThat(signIn(server, "/signin/pass", "eve@contoso.example", pass).body().path("outcome").asText())
                .isEqualTo("SIGNED_IN");
        Answer again = signIn(server, "/signin/pass", "eve@contoso.example", pass);
        assertThat(again.body().path("outcome").asText())
                .as("multi-use: %s %s", again.status(), again.body()).isEqualTo("SIGNED_IN");
        server.server().clock().advance(Duration.ofMinutes(10));
        assertThat(signIn(server, "/signin/pass", "eve@contoso.example", pass).body().path("outcome").asText())
                .as("expired").isEqualTo("WRONG_PASSWORD");
        server.server().helpdesk().endSpentPasses();
        assertThat(audit(server, "Temporary Access Pass ended")).singleElement().asString().contains("expired at");

        String second = call(server, "POST", "/users/" + id + "/temporary-access-pass", helpdesk, "{}").body()
                .path("pass").asText();
        assertThat(call(server, "DELETE", "/users/" + id + "/temporary-access-pass", helpdesk, null).status())
                .isEqualTo(204);
        assertThat(signIn(server, "/signin/pass", "eve@contoso.example", second).body().path("outcome").asText())
                .as("revoked").isEqualTo("WRONG_PASSWORD");
        assertThat(call(server, "DELETE", "/users/" + id + "/temporary-access-pass", helpdesk, null).status())
                .isEqualTo(404);
    }

    @OnBothDatabases
    void methodsAreDeletedOneByOneOrAllAtOnceAndTheUserIsAskedToRegisterAgain(InProcessServer server) {
        policy(server);
        String id = TestPeople.cloudUser(server, "fay@contoso.example", PASSWORD, false).id();
        String users = TestAdmins.signIn(server, Role.USER_ADMINISTRATOR);
        Answer prefilled = call(server, "PATCH", "/users/" + id + "/contact", users,
                "{\"alternateEmail\":\"fay@fabrikam.example\",\"mobilePhone\":\"+41 79 123 45 67\"}");
        assertThat(prefilled.status()).isEqualTo(200);
        assertThat(prefilled.body().path("registrations").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("EMAIL", "MOBILE_PHONE");

        Answer deleted = call(server, "DELETE", "/users/" + id + "/methods/MOBILE_PHONE", users, null);
        assertThat(deleted.body().path("registrations").findValuesAsText("kind")).containsExactly("EMAIL");
        assertThat(call(server, "DELETE", "/users/" + id + "/methods/MOBILE_PHONE", users, null).status()).isEqualTo(404);
        assertThat(call(server, "DELETE", "/users/" + id + "/methods/PIGEON", users, null).status()).isEqualTo(400);

        Answer cleared = call(server, "POST", "/users/" + id + "/reregistration", users, null);
        assertThat(cleared.body().path("registrations").isEmpty()).isTrue();
        assertThat(cleared.body().path("alternateEmail").asText()).isEmpty();
        assertThat(new SecurityInfoClient(server).signIn("fay@contoso.example", PASSWORD)).isEqualTo("REGISTER");
        assertThat(audit(server, "Admin registered security info")).singleElement().asString()
                .contains("alternate email set, mobile phone set");
        assertThat(audit(server, "Admin deleted security info")).hasSize(2).last().asString()
                .contains("required re-registration; removed: email");
    }

    @OnBothDatabases
    void anAdministratorsResetTellsTheGlobalAdministrators(InProcessServer server) {
        policy(server);
        server.server().directory().createUser(DirectoryActor.system("test"), new org.opensspr.api.UserWriteRequest(
                "gal@contoso.example", "Gal", "Admin", "Gal Admin", org.opensspr.directory.UserSource.CLOUD, true, false,
                "gal@contoso.example", "en-US"));
        String galId = server.server().directory().loadUserByUpn("gal@contoso.example").orElseThrow().id();
        server.server().directory().setRoles(DirectoryActor.system("test"), galId,
                new org.opensspr.api.RolesUpdateRequest(List.of("GLOBAL_ADMINISTRATOR")));
        var target = TestAdmins.create(server, Role.PASSWORD_ADMINISTRATOR);
        String helpdesk = TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR);

        Answer reset = call(server, "POST", "/users/" + target.userId() + "/password", helpdesk, "{}");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(server.get("/api/v1/test/outbox?limit=1000", null).body()).contains("gal@contoso.example");
        assertThat(Set.of(reset.body().path("notified").asInt())).allMatch(n -> n >= 2);
    }

    @OnBothDatabases
    void aContactPrefillChangesOnlyTheFieldsItSends(InProcessServer server) {
        String id = TestPeople.cloudUser(server, "ida@contoso.example", PASSWORD, false).id();
        String users = TestAdmins.signIn(server, Role.USER_ADMINISTRATOR);
        String contact = "/users/" + id + "/contact";
        call(server, "PATCH", contact, users,
                "{\"alternateEmail\":\"ida@example.org\",\"mobilePhone\":\"+44 20 7946 0958\",\"officePhone\":\"+44 20 7946 0001\"}");

        JsonNode mobileOnly = call(server, "PATCH", contact, users, "{\"mobilePhone\":\"+44 20 7946 0000\"}").body();
        JsonNode officeCleared = call(server, "PATCH", contact, users, "{\"officePhone\":\"\",\"alternateEmail\":null}")
                .body();

        assertThat(mobileOnly.get("alternateEmail").asText()).isEqualTo("ida@example.org");
        assertThat(mobileOnly.get("mobilePhone").asText()).isEqualTo("+44 20 7946 0000");
        assertThat(mobileOnly.get("officePhone").asText()).isEqualTo("+44 20 7946 0001");
        assertThat(officeCleared.get("alternateEmail").asText()).as("null: unchanged").isEqualTo("ida@example.org");
        assertThat(officeCleared.get("officePhone").asText()).as("\"\": cleared").isEmpty();
        assertThat(officeCleared.get("registrations").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("EMAIL", "MOBILE_PHONE");
        assertThat(officeCleared.at("/registrations/0/source").asText()).isEqualTo("ADMIN_PREFILL");
        assertThat(call(server, "PATCH", "/users/no-such-user/contact", users, "{}").status()).isEqualTo(404);
        assertThat(call(server, "PUT", contact, users, "{}").status()).isEqualTo(405);
        assertThat(call(server, "PATCH", contact, TestAdmins.signIn(server, Role.HELPDESK_ADMINISTRATOR), "{}").status())
                .as("a Helpdesk administrator doesn't edit contact data").isEqualTo(403);
    }
}
