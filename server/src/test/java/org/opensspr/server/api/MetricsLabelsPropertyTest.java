package org.opensspr.server.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.metrics.DeliveryFailure;
import org.opensspr.server.metrics.FlowFailure;
import org.opensspr.server.metrics.PrometheusText;
import org.opensspr.server.metrics.WritebackOutcome;
import org.opensspr.server.writeback.WritebackOperation;
import org.opensspr.throttling.Throttle;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever people type or are called, no label of the scrape holds it: the server's own labels take their values
 * from a closed set, and no label anywhere — the JVM's included — carries a user's name, address or id. Each try
 * walks a reset over HTTP as a kiosk would, for an account that exists (with a name using the odd characters a UPN
 * may hold: quotes, braces, bars) or a name typed at random, then scrapes.
 */
class MetricsLabelsPropertyTest {
    private static final String UPN_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static InProcessServer server;

    @BeforeContainer
    static void start() {
        server = InProcessServer.start(TestDatabases.H2);
        ResetFlowApiTest.policy(server, 1);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 12)
    void noLabelValueHoldsWhatAPersonTypedOrIsCalled(@ForAll("upnLocalParts") String local,
                                                     @ForAll("typedAtRandom") String typed, @ForAll boolean exists) {
        String suffix = "." + PEOPLE.incrementAndGet();
        String upn = local + suffix + "@contoso.example";
        String alternate = local + suffix + "@private.example";
        Set<String> secrets = new HashSet<>(Set.of(upn, alternate));
        if (exists) {
            UserDetailDto person = TestPeople.cloudUser(server, upn, ResetFlowApiTest.PASSWORD, false);
            server.server().directory().updateContact(DirectoryActor.system("test"), person.id(),
                    new ContactUpdateRequest(alternate, "", ""));
            secrets.add(person.id());
            reset(upn, alternate);
        } else {
            String name = typed + "@contoso.example";
            FlowClient flow = ResetFlowApiTest.resetting(server, name);
            assertThat(flow.step()).isEqualTo("DEAD_END");
            secrets.add(name.strip().toLowerCase(Locale.ROOT));
        }
        server.server().delivery().deliverDueNow();

        PrometheusText scrape = scrape();
        for (PrometheusText.Sample sample : scrape.samples()) {
            sample.labels().forEach((label, value) -> {
                for (String secret : secrets) {
                    assertThat(value).as(sample.name() + "{" + label + "}").doesNotContain(secret);
                }
                if (sample.name().startsWith("opensspr_")) {
                    assertThat(label.equals("le") ? isBucketBound(value) : CLOSED_SET.contains(value))
                            .as(sample.name() + "{" + label + "=\"" + value + "\"} is from the closed set").isTrue();
                }
            });
        }
    }

    /** The whole walk: code by mail, one wrong code, the right one, a new password. */
    private static void reset(String upn, String alternate) {
        FlowClient flow = ResetFlowApiTest.resetting(server, upn);
        flow.choose("EMAIL");
        String code = flow.codeSentTo(alternate);
        flow.proveCode(code.equals("00000000") ? "11111111" : "00000000");
        flow.proveCode(code);
        flow.password(ResetFlowApiTest.NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
    }

    @Provide
    Arbitrary<String> upnLocalParts() {
        return Arbitraries.strings().withChars(UPN_CHARACTERS).ofMinLength(1).ofMaxLength(24);
    }

    /** Anything at all, but blank (the kiosk refuses that before any flow step): quotes, newlines, Unicode. */
    @Provide
    Arbitrary<String> typedAtRandom() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).filter(text -> !text.isBlank());
    }

    private static PrometheusText scrape() {
        try {
            var response = MetricsApiTest.get(server, null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            return PrometheusText.parse(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBucketBound(String value) {
        return value.equals("+Inf") || value.matches("[0-9]+(\\.[0-9]+)?");
    }

    /** Every value the server's own labels may take, from the enums and rules they come from. */
    private static final Set<String> CLOSED_SET = closedSet();

    private static Set<String> closedSet() {
        Set<String> values = new HashSet<>(Set.of("passed", "failed", "true", "false"));
        Stream.of(FlowIntent.values(), AuthMethod.values(), FlowFailure.values(), Channel.values(),
                        DeliveryFailure.values(), WritebackOperation.values(), WritebackOutcome.values())
                .flatMap(Stream::of).forEach(value -> values.add(value.name().toLowerCase(Locale.ROOT)));
        Stream.concat(Throttle.perUser().rules().stream(), Throttle.perKiosk().rules().stream())
                .forEach(rule -> values.add(rule.name().replace('-', '_')));
        return values;
    }
}
