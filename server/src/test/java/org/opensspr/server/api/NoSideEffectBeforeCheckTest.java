package org.opensspr.server.api;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.writeback.LdapSettings;
import org.opensspr.server.writeback.RecordingInterceptor;
import org.opensspr.server.writeback.TestDirectory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * ADR 10, "no side effect before the check", tried against a directory that records every write it
 * receives: a completion sent at any earlier step, with a replayed, spent, expired, unknown or foreign
 * ticket, or many times at once with one valid ticket, reaches the directory zero times — or, for the one
 * valid completion, exactly once.
 */
class NoSideEffectBeforeCheckTest {
    private static final String HENRIETTA = "henrietta@contoso.example";
    private static final String KARL = "karl@contoso.example";
    private static final String OLD = "Old-Directory-Pass-1";
    private static final String NEW = ResetFlowApiTest.NEW_PASSWORD;
    private static final String ALTERNATE = "henrietta@private.example";

    @OnBothDatabases
    void noEarlierStepAndNoWrongTicketReachesTheDirectory(TestDatabases kind) {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder);
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            String dn = directory.addUser("henrietta", HENRIETTA, OLD);
            ResetFlowApiTest.policy(server, 2);
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            onPremisesUser(server, KARL, "karl@private.example");
            FlowClient foreign = new FlowClient(server);
            foreign.start("RESET_PASSWORD");
            foreign.identify(KARL);

            FlowClient flow = new FlowClient(server);
            List<String> earlierTickets = new ArrayList<>();
            flow.start("RESET_PASSWORD");
            triesToComplete(server, flow, earlierTickets);
            flow.identify(HENRIETTA);
            assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
            triesToComplete(server, flow, earlierTickets);
            flow.choose("EMAIL");
            triesToComplete(server, flow, earlierTickets);
            flow.proveCode(flow.codeSentTo(ALTERNATE));
            assertThat(flow.step()).as("one gate of two passed").isEqualTo("CHOOSE_METHOD");
            triesToComplete(server, flow, earlierTickets);
            flow.choose("MOBILE_APP_CODE");
            triesToComplete(server, flow, earlierTickets);
            flow.proveCode(Oathtool.totp(ResetFlowApiTest.TOTP_SECRET, server.server().clock().instant()));
            assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");

            for (String replayed : earlierTickets) {
                assertThat(complete(server, "/password", replayed, "Replayed-Ticket-Pass-9").statusCode()).isEqualTo(409);
                assertThat(complete(server, "/unlock", replayed, null).statusCode()).isEqualTo(409);
            }
            assertThat(complete(server, "/password", "no-such-ticket-at-all", "Unknown-Ticket-Pass-9").statusCode())
                    .isEqualTo(404);
            assertThat(complete(server, "/password", foreign.ticket, "Foreign-Ticket-Pass-9").statusCode())
                    .as("another flow's ticket, at its own earlier step").isEqualTo(409);
            assertThat(complete(server, "/unlock", flow.ticket, null).statusCode())
                    .as("unlock where the flow expects a password").isEqualTo(409);
            assertNothingReachedTheDirectory(server, recorder);
            assertThat(directory.canBind(dn, OLD)).isTrue();

            String finalTicket = flow.ticket;
            flow.password(NEW);
            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
            assertThat(complete(server, "/password", finalTicket, "Spent-Ticket-Pass-9").statusCode())
                    .as("the spent last ticket").isEqualTo(409);
            assertThat(complete(server, "/unlock", finalTicket, null).statusCode()).isEqualTo(409);

            assertThat(recorder.writes()).as("exactly one directory write, the valid one").singleElement()
                    .satisfies(write -> assertThat(write.values()).anySatisfy(v -> assertThat(v).contains(NEW)));
            assertThat(directory.canBind(dn, NEW)).isTrue();
            assertThat(intents(server)).containsExactly("RESET:DONE");
        }
    }

    @OnBothDatabases
    void anExpiredFlowWritesNothing(TestDatabases kind) {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder);
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            String dn = directory.addUser("henrietta", HENRIETTA, OLD);
            ResetFlowApiTest.policy(server, 1);
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            FlowClient flow = atNewPassword(server);

            ResetFlowApiTest.advance(server, 15 * 60);
            assertThat(complete(server, "/password", flow.ticket, NEW).statusCode()).isEqualTo(410);

            assertNothingReachedTheDirectory(server, recorder);
            assertThat(directory.canBind(dn, OLD)).isTrue();
        }
    }

    @OnBothDatabases
    void tenParallelCompletionsWithOneTicketMakeOneWrite(TestDatabases kind) throws Exception {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder);
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            String dn = directory.addUser("henrietta", HENRIETTA, OLD);
            ResetFlowApiTest.policy(server, 1);
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            FlowClient flow = atNewPassword(server);

            List<HttpResponse<String>> answers = AllAtOnce.run(java.util.stream.IntStream.range(0, 10).boxed().toList(),
                    i -> complete(server, "/password", flow.ticket, "Parallel-Pass-#" + i + "-Kettle"));

            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).statusCode() == 200) {
                    winners.add(i);
                } else {
                    assertThat(answers.get(i).statusCode()).as(answers.get(i).body()).isEqualTo(409);
                }
            }
            assertThat(winners).hasSize(1);
            String told = "Parallel-Pass-#" + winners.getFirst() + "-Kettle";
            assertThat(recorder.writes()).singleElement()
                    .satisfies(write -> assertThat(write.values()).anySatisfy(v -> assertThat(v).contains(told)));
            assertThat(directory.canBind(dn, told)).as("the directory keeps what the winner was told").isTrue();
            assertThat(intents(server)).containsExactly("RESET:DONE");
        }
    }

    @OnBothDatabases
    void unlockOnlyWritesOnceAtItsOwnStep(TestDatabases kind) throws Exception {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder);
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            directory.addUser("henrietta", HENRIETTA, OLD,
                    new com.unboundid.ldap.sdk.Attribute("pwdAccountLockedTime", "20261201000000Z"));
            ResetFlowApiTest.policy(server, 1);
            var policies = server.server().policies();
            policies.update(policies.current().version(), policies.currentPolicy()
                    .withOnPremises(new OnPremisesPolicy(true, true)), "test");
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            FlowClient flow = new FlowClient(server);
            flow.start("UNLOCK_ACCOUNT");
            flow.identify(HENRIETTA);
            assertThat(complete(server, "/unlock", flow.ticket, null).statusCode()).isEqualTo(409);
            flow.choose("EMAIL");
            assertThat(complete(server, "/unlock", flow.ticket, null).statusCode()).isEqualTo(409);
            flow.proveCode(flow.codeSentTo(ALTERNATE));
            assertThat(flow.step()).isEqualTo("CONFIRM_UNLOCK");
            assertThat(complete(server, "/password", flow.ticket, NEW).statusCode()).isEqualTo(409);
            assertNothingReachedTheDirectory(server, recorder);

            List<HttpResponse<String>> answers = AllAtOnce.run(java.util.stream.IntStream.range(0, 10).boxed().toList(),
                    i -> complete(server, "/unlock", flow.ticket, null));

            assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(1);
            assertThat(answers.stream().filter(a -> a.statusCode() != 200)).allSatisfy(a ->
                    assertThat(a.statusCode()).isEqualTo(409));
            assertThat(recorder.writes()).singleElement()
                    .satisfies(write -> assertThat(write.values()).anySatisfy(v ->
                            assertThat(v).containsIgnoringCase("pwdAccountLockedTime")));
            assertThat(intents(server)).containsExactly("UNLOCK:DONE");
        }
    }

    /** The directory refuses: the flow keeps its ticket, the attempt is audited, the next password goes through. */
    @OnBothDatabases
    void aRefusedPasswordLeavesTheFlowAtItsStep(TestDatabases kind) {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder, new Refuses("Refused-Pass-1"));
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            String dn = directory.addUser("henrietta", HENRIETTA, OLD);
            ResetFlowApiTest.policy(server, 1);
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            FlowClient flow = atNewPassword(server);

            HttpResponse<String> refused = complete(server, "/password", flow.ticket, "Refused-Pass-1");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).doesNotContain("Refused-Pass-1");
            flow.password(NEW);

            assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
            assertThat(recorder.writes()).hasSize(2);
            assertThat(directory.canBind(dn, NEW)).isTrue();
            assertThat(intents(server)).containsExactlyInAnyOrder("RESET:FAILED", "RESET:DONE");
            assertThat(server.server().database().dsl().selectFrom(AUDIT_EVENT)
                    .where(AUDIT_EVENT.ACTIVITY.eq(AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName()))
                    .fetch(AUDIT_EVENT.RESULT)).containsExactlyInAnyOrder("FAILURE", "SUCCESS");
        }
    }

    /** A directory whose password rules refuse one particular password (as a history or quality check would). */
    private static final class Refuses extends com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor {
        private final String refused;

        Refuses(String refused) {
            this.refused = refused;
        }

        @Override
        public void processModifyRequest(
                com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest request)
                throws com.unboundid.ldap.sdk.LDAPException {
            for (var modification : request.getRequest().getModifications()) {
                if (List.of(modification.getValues()).contains(refused)) {
                    throw refusal();
                }
            }
        }

        /** OpenLDAP's reset comes as a password modify extended operation. */
        @Override
        public void processExtendedRequest(
                com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest request)
                throws com.unboundid.ldap.sdk.LDAPException {
            if (com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID
                    .equals(request.getRequest().getOID())
                    && refused.equals(new com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest(
                    request.getRequest()).getNewPassword())) {
                throw refusal();
            }
        }

        private static com.unboundid.ldap.sdk.LDAPException refusal() {
            return new com.unboundid.ldap.sdk.LDAPException(
                    com.unboundid.ldap.sdk.ResultCode.CONSTRAINT_VIOLATION, "Password fails quality checking policy");
        }
    }

    private static FlowClient atNewPassword(InProcessServer server) {
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(HENRIETTA);
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo(ALTERNATE));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        return flow;
    }

    /** Sends both completions with the flow's current ticket: each is refused and the ticket keeps working. */
    private static void triesToComplete(InProcessServer server, FlowClient flow, List<String> seen) {
        HttpResponse<String> password = complete(server, "/password", flow.ticket, "Too-Early-Pass-9");
        HttpResponse<String> unlock = complete(server, "/unlock", flow.ticket, null);
        assertThat(password.statusCode()).as("password at " + flow.step() + ": " + password.body()).isEqualTo(409);
        assertThat(unlock.statusCode()).as("unlock at " + flow.step() + ": " + unlock.body()).isEqualTo(409);
        seen.add(flow.ticket);
    }

    private static HttpResponse<String> complete(InProcessServer server, String path, String ticket, String password) {
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("ticket", ticket);
        if (password != null) {
            body.put("newPassword", password);
        }
        return server.json("POST", "/api/v1/reset/flows" + path, null, body.toString());
    }

    private static void assertNothingReachedTheDirectory(InProcessServer server, RecordingInterceptor recorder) {
        assertThat(recorder.writes()).as("directory writes").isEmpty();
        assertThat(intents(server)).as("writeback intents").isEmpty();
        assertThat(server.server().database().dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTIVITY.in(
                AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName(),
                AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName()))).as("completions audited").isZero();
    }

    /** The helpdesk's one check: a refused or malformed admin reset never reaches the directory; a valid one once. */
    @OnBothDatabases
    void aHelpdeskResetTheTableRefusesNeverReachesTheDirectory(TestDatabases kind) {
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder);
             InProcessServer server = InProcessServer.start(kind, null, ldap(directory))) {
            directory.addUser("henrietta", HENRIETTA, OLD);
            String karlDn = directory.addUser("karl", KARL, OLD);
            onPremisesUser(server, HENRIETTA, ALTERNATE);
            onPremisesUser(server, KARL, "karl@private.example");
            String henrietta = server.server().directory().loadUserByUpn(HENRIETTA).orElseThrow().id();
            String karl = server.server().directory().loadUserByUpn(KARL).orElseThrow().id();
            server.server().directory().setRoles(DirectoryActor.system("test"), henrietta,
                    new org.opensspr.api.RolesUpdateRequest(List.of("USER_ADMINISTRATOR")));
            String helpdesk = TestAdmins.signIn(server, org.opensspr.directory.Role.HELPDESK_ADMINISTRATOR);
            String reader = TestAdmins.signIn(server, org.opensspr.directory.Role.REPORTS_READER);
            String reset = "{\"password\":\"" + NEW + "\",\"mustChangeAtNextSignIn\":false}";

            assertThat(server.json("POST", "/api/v1/users/" + henrietta + "/password", helpdesk, reset).statusCode())
                    .as("beyond the Helpdesk administrator's reach").isEqualTo(403);
            assertThat(server.json("POST", "/api/v1/users/" + henrietta + "/unlock", helpdesk, "{}").statusCode())
                    .isEqualTo(403);
            assertThat(server.json("POST", "/api/v1/users/" + karl + "/password", reader, reset).statusCode())
                    .as("no permission at all").isEqualTo(403);
            assertThat(server.json("POST", "/api/v1/users/" + karl + "/password", helpdesk, "{\"password\":\"\"}")
                    .statusCode()).as("an empty password").isEqualTo(422);
            assertThat(recorder.writes()).as("directory writes before a valid reset").isEmpty();
            assertThat(intents(server)).isEmpty();

            assertThat(server.json("POST", "/api/v1/users/" + karl + "/password", helpdesk, reset).statusCode())
                    .isEqualTo(200);
            assertThat(recorder.writes()).singleElement()
                    .satisfies(write -> assertThat(write.values()).anySatisfy(v -> assertThat(v).contains(NEW)));
            assertThat(directory.canBind(karlDn, NEW)).isTrue();
            assertThat(intents(server)).containsExactly("RESET:DONE");
        }
    }

    private static List<String> intents(InProcessServer server) {
        return server.server().database().dsl().selectFrom(WRITEBACK_INTENT).fetch(
                r -> r.getOperation() + ":" + r.getStatus());
    }

    private static LdapSettings ldap(TestDirectory directory) {
        return LdapSettings.openLdap(List.of(directory.url()), TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_PASSWORD, TestDirectory.BASE_DN);
    }

    private static void onPremisesUser(InProcessServer server, String upn, String alternate) {
        UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                new UserWriteRequest(upn, upn.substring(0, 1).toUpperCase() + upn.substring(1, upn.indexOf('@')),
                        "Mueller", upn, UserSource.ON_PREMISES, true, false, upn, "en-US"));
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest(alternate, "", ""));
        server.server().database().inTransactionDo(tx ->
                server.server().userTotp().registerWithSecret(tx, user.id(), ResetFlowApiTest.TOTP_SECRET));
    }
}
