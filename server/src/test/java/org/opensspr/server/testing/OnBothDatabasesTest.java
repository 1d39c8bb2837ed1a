package org.opensspr.server.testing;

import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each invocation of an {@link OnBothDatabases} test is named after its database, and gets its own server and database on it, closed after it. */
class OnBothDatabasesTest {

    @Test
    void eachInvocationGetsItsOwnServerAndDatabaseOnTheNamedKindClosedAfterIt() {
        Sample.seen.clear();
        TestExecutionSummary summary = Launch.run(Sample.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(Sample.seen).extracting(Invocation::displayName).containsExactly("H2", "POSTGRES");
        assertThat(Sample.seen).extracting(Invocation::kind).containsExactly(TestDatabases.H2, TestDatabases.POSTGRES);
        Invocation h2 = Sample.seen.get(0);
        Invocation postgres = Sample.seen.get(1);
        assertThat(h2.server()).isNotSameAs(postgres.server());
        assertThat(h2.database()).isNotSameAs(postgres.database());
        for (Invocation invocation : Sample.seen) {
            assertThat(invocation.serverAnsweredInside()).isTrue();
            assertThat(Ports.answers(invocation.port())).as("server of %s closed", invocation.displayName()).isFalse();
            assertThatThrownBy(() -> invocation.database().dsl().selectOne().fetch())
                    .as("database of %s closed", invocation.displayName()).isInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void aBeforeEachMethodAndTheTestShareTheInvocationsServer() {
        TestExecutionSummary summary = Launch.run(SharingSample.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    }

    /** What one invocation was given; the port is read while the server runs (a stopped one has none). */
    record Invocation(String displayName, TestDatabases kind, InProcessServer server, int port, Database database,
                      boolean serverAnsweredInside) {
    }

    static class Sample {
        static final List<Invocation> seen = new ArrayList<>();

        @OnBothDatabases
        void records(TestDatabases kind, InProcessServer server, Database database, TestInfo test) {
            SQLDialect expected = kind == TestDatabases.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
            assertThat(server.server().database().dialect()).isEqualTo(expected);
            assertThat(database.dialect()).isEqualTo(expected);
            int port = Ports.of(server);
            seen.add(new Invocation(test.getDisplayName(), kind, server, port, database, Ports.answers(port)));
        }
    }

    static class SharingSample {
        private InProcessServer prepared;

        @BeforeEach
        void prepare(InProcessServer server) {
            prepared = server;
        }

        @OnBothDatabases
        void seesTheSameServer(InProcessServer server) {
            assertThat(server).isSameAs(prepared);
        }
    }
}
