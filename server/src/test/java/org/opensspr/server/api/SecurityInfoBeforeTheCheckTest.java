package org.opensspr.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.api.Json;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 10 and ADR 15 for security info: every route that changes security info, sent with no session, an
 * unknown one, another machine's, an ended or an expired one — or with a live one that still owes a proof —
 * changes nothing in any table and sends no mail.
 */
class SecurityInfoBeforeTheCheckTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static final String OWNER = "olga@contoso.example";

    /** Each change, as (path, body additions). */
    private static final List<Map.Entry<String, UnaryOperator<ObjectNode>>> CHANGES = List.of(
            Map.entry("/authenticator/start", b -> b),
            Map.entry("/authenticator/verify", b -> b.put("code", "123456")),
            Map.entry("/email/start", b -> b.put("address", "intruder@evil.example")),
            Map.entry("/email/verify", b -> b.put("code", "12345678")),
            Map.entry("/questions", b -> {
                var answers = b.putArray("answers");
                answers.addObject().put("questionId", "FIRST_PET").put("answer", "intruder one");
                answers.addObject().put("questionId", "FAVORITE_FOOD").put("answer", "intruder two");
                answers.addObject().put("questionId", "CHILDHOOD_HERO").put("answer", "intruder three");
                return b;
            }),
            Map.entry("/delete", b -> b.put("kind", "AUTHENTICATOR_APP")),
            Map.entry("/delete", b -> b.put("kind", "EMAIL")),
            Map.entry("/confirm", b -> b));

    @OnBothDatabases
    void noBadSessionChangesAnything(InProcessServer server) throws Exception {
        SecurityInfoClient owner = owner(server);
        SecurityInfoClient ended = new SecurityInfoClient(server);
        ended.signIn(OWNER, PASSWORD);
        ended.end();
        SecurityInfoClient expired = new SecurityInfoClient(server);
        expired.signIn(OWNER, PASSWORD);
        owner.signIn(OWNER, PASSWORD); // a live session, for the foreign-machine case
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":" + (15 * 60 - 1) + "}");
        owner.signIn(OWNER, PASSWORD);
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":2}");
        // The codes mailed while registering expired with that jump: the outbox forgets them now, not mid-test.
        server.server().delivery().forgetExpiredSecrets();
        var before = TableSnapshot.of(server.server().database().dsl());

        for (var change : CHANGES) {
            for (String session : new String[] {null, "", "no-such-session", ended.session, expired.session}) {
                ObjectNode body = change.getValue().apply(Json.newMapper().createObjectNode().put("session", session));
                owner.post("/security-info" + change.getKey(), body);
                assertThat(owner.lastStatus).as("%s with session %s", change.getKey(), session)
                        .isEqualTo(session == null ? 400 : 401); // none at all: a missing field
            }
            SecurityInfoClient foreign = new SecurityInfoClient(server);
            foreign.session = owner.session;
            foreign.from = InetAddress.getByName("127.0.0.2");
            foreign.post("/security-info" + change.getKey(), change.getValue().apply(foreign.withSession()));
            assertThat(foreign.lastStatus).as("%s from another machine", change.getKey()).isEqualTo(401);
        }
        assertThat(TableSnapshot.of(server.server().database().dsl())).isEqualTo(before);
    }

    @OnBothDatabases
    void theOwnersPasswordAloneChangesNothing(InProcessServer server) {
        SecurityInfoClient owner = owner(server);
        owner.signIn(OWNER, PASSWORD);
        var before = TableSnapshot.of(server.server().database().dsl());
        for (var change : CHANGES) {
            owner.post("/security-info" + change.getKey(), change.getValue().apply(owner.withSession()));
            assertThat(owner.lastStatus).as(change.getKey()).isIn(403, 409);
        }
        var after = TableSnapshot.of(server.server().database().dsl());
        assertThat(after).isEqualTo(before);
    }

    /** Olga has registered the app and an email; her sign-in needs nothing more. */
    private static SecurityInfoClient owner(InProcessServer server) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.SECURITY_QUESTIONS), 2, 1, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 0)), "test");
        TestPeople.cloudUser(server, OWNER, PASSWORD, false);
        SecurityInfoClient owner = new SecurityInfoClient(server);
        owner.signIn(OWNER, PASSWORD);
        owner.addEmail("olga.home@private.example");
        owner.startProof("EMAIL");
        owner.proveCode("EMAIL", new FlowClient(server).codeSentTo("olga.home@private.example"));
        owner.addAuthenticator();
        owner.end();
        return owner;
    }
}
