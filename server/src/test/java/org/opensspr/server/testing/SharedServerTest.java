package org.opensspr.server.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opensspr.server.api.InProcessServer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link SharedServer} class sees one server everywhere, seeded if asked, closed after the class. */
class SharedServerTest {

    @Test
    void everyTestOfTheClassSeesTheSameSeededServerClosedAfterTheClass() {
        TestExecutionSummary summary = Launch.run(Seeded.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(Seeded.seen).hasSize(7).containsOnly(Seeded.seen.getFirst());
        assertThat(Ports.answers(Seeded.port)).as("closed after the class").isFalse();
    }

    @Test
    void withoutSeedDemoTheServerHasNoPeopleAndAPerClassInstanceGetsItBeforeBeforeAll() {
        TestExecutionSummary summary = Launch.run(Empty.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    }

    @SharedServer(seedDemo = true)
    static class Seeded {
        /** Every server the class was given: in @BeforeAll, then each test's parameter and fields. */
        static final List<InProcessServer> seen = new ArrayList<>();
        static int port;
        private static InProcessServer staticField;
        private InProcessServer field;

        @BeforeAll
        static void start(InProcessServer server) {
            seen.clear();
            seen.add(server);
            port = Ports.of(server);
        }

        @Test
        void one(InProcessServer server) {
            check(server);
        }

        @Test
        void two(InProcessServer server) {
            check(server);
        }

        private void check(InProcessServer server) {
            seen.addAll(Arrays.asList(server, staticField, field));
            assertThat(Ports.answers(port)).isTrue();
            assertThat(people(server)).as("the demo organization").isPositive();
        }
    }

    @SharedServer
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class Empty {
        private InProcessServer server;
        private int peopleBeforeAll = -1;

        @BeforeAll
        void count() {
            peopleBeforeAll = people(server);
        }

        @Test
        void noOne() {
            assertThat(peopleBeforeAll).isZero();
        }
    }

    static int people(InProcessServer server) {
        return server.server().database().dsl().fetchCount(org.opensspr.server.db.Tables.DIRECTORY_USER);
    }
}
