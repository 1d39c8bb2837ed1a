package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if, the impact preview and the kiosk agree for every demo person on which methods count — on the
 * embedded default (every channel delivers) and once a mail relay alone is configured (texts, calls and
 * notifications can't be delivered, so phones and the app's notification count for no one).
 */
class DeliverableMethodsAgreementTest {
    /** A relay nobody listens on: these tests identify people and never send. */
    private static final SmtpSettings RELAY_ONLY = SmtpSettings.of("127.0.0.1", 9, SmtpSettings.Security.NONE, null,
            null, new MailFrom("sspr@contoso.example", "Contoso"));

    @Test
    void onTheEmbeddedDefaultPhonesCountAndTheKioskOffersWhatWhatIfSays() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            server.server().seedDemo();
            Map<String, String> offered = agreeForEveryone(server);
            assertThat(offered.get(upn("johanna.lorenz"))).contains("MOBILE_PHONE", "OFFICE_PHONE");
            assertThat(offered.get(upn("lynne.robbins"))).isEqualTo("[OFFICE_PHONE]");
        }
    }

    @Test
    void withOnlyAMailRelayPhonesCountForNoOneAndEveryAnswerAgrees() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2, RELAY_ONLY)) {
            server.server().seedDemo();
            Map<String, String> offered = agreeForEveryone(server);
            assertThat(offered.get(upn("johanna.lorenz"))).isEqualTo("NOT_ENOUGH_METHODS_REGISTERED");
            assertThat(offered.get(upn("lynne.robbins"))).isEqualTo("NOT_ENOUGH_METHODS_REGISTERED");
            assertThat(offered.get(upn("lidia.holloway"))).isEqualTo("[EMAIL]");
            assertThat(offered.values()).noneMatch(options -> options.contains("PHONE") || options.contains("NOTIFICATION"));
        }
    }

    /** A phones-only policy: the preview names exactly those the kiosk then refuses, relay-only and all. */
    @Test
    void thePreviewOfAPhoneOnlyPolicyAgreesWithTheKioskOnceSaved() {
        try (InProcessServer server = seeded(InProcessServer.start(TestDatabases.H2, RELAY_ONLY));
             OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            SsprPolicy demo = admin.currentPolicy().policy();
            SsprPolicy phonesOnly = demo.withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.MOBILE_PHONE,
                    AuthMethod.OFFICE_PHONE), 2, 1, SecurityQuestionsPolicy.defaults()));
            List<String> people = admin.users("", 0, 200).items().stream().map(u -> u.userPrincipalName()).toList();
            Map<String, String> before = reasons(admin, people);
            PolicyImpactDto impact = admin.policyImpact(phonesOnly);
            admin.updatePolicy(admin.currentPolicy().version(), phonesOnly);
            Map<String, String> after = reasons(admin, people);
            List<String> unable = people.stream().filter(upn -> before.get(upn).isEmpty() && !after.get(upn).isEmpty())
                    .sorted().toList();
            assertThat(unable).contains(upn("lidia.holloway"), upn("alex.wilber"));
            assertThat(impact.newlyUnableToReset().users()).extracting(ImpactedUserDto::userPrincipalName)
                    .containsExactlyElementsOf(unable);
            assertThat(after.get(upn("johanna.lorenz"))).as("her phones can't be reached").isNotEmpty();
        }
    }

    /**
     * For each demo person: what-if's first step and the kiosk's answer after identification are the same —
     * the same options, or the same dead end. Returns what each was offered ("[EMAIL, …]" or the reason).
     */
    private static Map<String, String> agreeForEveryone(InProcessServer server) {
        Map<String, String> offered = new HashMap<>();
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            List<String> people = new ArrayList<>(admin.users("", 0, 200).items().stream()
                    .map(u -> u.userPrincipalName()).toList());
            assertThat(people).hasSizeGreaterThan(15);
            for (String upn : people) {
                var whatIf = admin.whatIf(upn, FlowIntent.RESET_PASSWORD);
                FlowClient kiosk = new FlowClient(server);
                kiosk.start("RESET_PASSWORD");
                JsonNode answer = kiosk.identify(upn);
                if (whatIf.firstStep() instanceof FlowStep.ChooseMethod choose) {
                    assertThat(kiosk.step()).as(upn).isEqualTo("CHOOSE_METHOD");
                    List<String> options = new ArrayList<>();
                    answer.path("step").path("options").forEach(o -> options.add(o.asText()));
                    assertThat(options).as(upn).containsExactlyElementsOf(
                            choose.options().stream().map(Enum::name).toList());
                    offered.put(upn, options.toString());
                } else {
                    assertThat(kiosk.step()).as(upn).isEqualTo("DEAD_END");
                    offered.put(upn, whatIf.reason() == null ? "" : whatIf.reason());
                }
            }
        }
        return offered;
    }

    private static Map<String, String> reasons(OpenSsprClient admin, List<String> people) {
        Map<String, String> reasons = new HashMap<>();
        people.forEach(upn -> {
            String reason = admin.whatIf(upn, FlowIntent.RESET_PASSWORD).reason();
            reasons.put(upn, reason == null ? "" : reason);
        });
        return reasons;
    }

    /** The demo goes into an empty directory: before any administrator is added. */
    private static InProcessServer seeded(InProcessServer server) {
        server.server().seedDemo();
        return server;
    }

    private static String upn(String alias) {
        return alias + "@contoso.example";
    }
}
