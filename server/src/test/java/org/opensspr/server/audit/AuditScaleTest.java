package org.opensspr.server.audit;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Page;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.InlinedStatements;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.BulkDirectory;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200,000 audit events on H2 and PostgreSQL, and the statements the audit log's pages run, explained
 * (ADR 29): with no filter, an activity or a time range, and combinations, the page's ids are found along
 * the filter's own index in the page's order (backward on PostgreSQL), never by scanning or sorting the events;
 * a person's (actor's or target's) few events are found by their index; the count stops after 10,001 events.
 * Not timed: bench/'s AuditPageBenchmark measures at ten million.
 */
class AuditScaleTest {
    private static final int EVENTS = 200_000;
    private static final int PEOPLE = 2_000;
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    private static final Map<TestDatabases, Database> DATABASES = new EnumMap<>(TestDatabases.class);

    @BeforeAll
    static void loadTheEvents() {
        CompletableFuture<Database> postgres = CompletableFuture.supplyAsync(() -> loaded(TestDatabases.POSTGRES.fresh()));
        DATABASES.put(TestDatabases.H2, loaded(TestDatabases.H2.fresh()));
        DATABASES.put(TestDatabases.POSTGRES, postgres.join());
    }

    /** Event x (1 …) happens x seconds before END; four activities in turn, one in five failed, 5,000 people. */
    private static Database loaded(Database db) {
        boolean postgres = db.dialect() == SQLDialect.POSTGRES;
        db.dsl().connection(c -> {
            DSLContext dsl = org.jooq.impl.DSL.using(c, db.dialect());
            List<String> rebuild = BulkDirectory.dropIndexes(dsl, List.of("audit_event"));
            List<AuditActivity> activities = List.of(AuditActivity.RESET_PASSWORD_SELF_SERVICE,
                    AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE,
                    AuditActivity.SSPR_POLICY_CHANGES);
            String person = "'user' || MOD(x, " + PEOPLE + ") || '@contoso.example'";
            dsl.execute("INSERT INTO audit_event (occurred_at, activity, actor, actor_key, target, target_key, result,"
                    + " row_mac) SELECT TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00' - INTERVAL '1' SECOND * x,"
                    + " CASE MOD(x, 4) WHEN 0 THEN '" + activities.get(0).entraName() + "' WHEN 1 THEN '"
                    + activities.get(1).entraName() + "' WHEN 2 THEN '" + activities.get(2).entraName() + "' ELSE '"
                    + activities.get(3).entraName() + "' END, " + person + ", " + person + ", " + person + ", " + person
                    + ", CASE WHEN MOD(x, 5) = 0 THEN 'FAILURE' ELSE 'SUCCESS' END, '' FROM "
                    + (postgres ? "generate_series(1, " + EVENTS + ") AS g(x)" : "SYSTEM_RANGE(1, " + EVENTS + ") g(x)"));
            rebuild.forEach(dsl::execute);
            dsl.execute(postgres ? "VACUUM ANALYZE audit_event" : "ANALYZE");
        });
        return db;
    }

    @AfterAll
    static void close() {
        DATABASES.values().forEach(Database::close);
    }

    /** Each filter the console offers, and the index that answers it. */
    private static final Map<String, AuditQuery> FILTERS = Map.of(
            "ix_audit_event_time", AuditQuery.all(),
            "ix_audit_event_activity", AuditQuery.all().withActivity(AuditActivity.RESET_PASSWORD_SELF_SERVICE),
            "ix_audit_event_target", AuditQuery.all().withTarget("User42@Contoso.example"),
            "ix_audit_event_actor", AuditQuery.all().withActor("user40@contoso.example").withResult(AuditResult.FAILURE));

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyFilterWalksItsIndexInThePagesOrder(TestDatabases kind) {
        Database db = DATABASES.get(kind);
        Instant dayStart = END.minus(Duration.ofDays(3));
        Map<String, AuditQuery> filters = new java.util.HashMap<>(FILTERS);
        filters.put("ix_audit_event_time ", AuditQuery.all().between(dayStart, dayStart.plus(Duration.ofDays(1))));
        // Walking the day backwards along the time index finds its failures of an activity quickly too.
        filters.put("(?:ix_audit_event_activity|ix_audit_event_time)", AuditQuery.all().withActivity(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE)
                .withResult(AuditResult.FAILURE).between(dayStart, dayStart.plus(Duration.ofDays(1))));
        filters.forEach((index, query) -> {
            Condition where = AuditLog.conditionOf(query);
            for (long offset : List.of(0L, 20_000L)) {
                String plan = explain(db, AuditLog.pageIds(ctx(db), query, DSL.noCondition(), offset, 50));
                String what = kind + " " + query.describe() + " at " + offset;
                // A person's events, or a day's failures of one activity, are few: read by the index, then sorted.
                if (query.actor() != null || query.target() != null || query.result() != null) {
                    assertUsesIndex(kind, plan, index.strip(), what);
                } else {
                    assertWalksIndexInOrder(kind, plan, index.strip(), what);
                }
            }
            String count = explain(db, AuditLog.boundedCount(ctx(db), where));
            // PostgreSQL may count a common activity along the table itself: under the limit it stops there too.
            assertThat(count).as(kind + " " + query.describe() + ": the count stops after 10,001\n" + count)
                    .doesNotContain("tableScan")
                    .containsPattern(kind == TestDatabases.H2 ? "FETCH FIRST 10001 ROWS ONLY" : "Limit ");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void pagesAfterACursorAreThePagesByNumber(TestDatabases kind) {
        AuditLog log = new AuditLog(DATABASES.get(kind), Clock.systemUTC(), AuditSeals.fixed());
        for (AuditQuery query : FILTERS.values()) {
            int deep = query.equals(AuditQuery.all()) ? 1_999 : 0;
            Page<AuditEventDto> before = log.query(query, deep, 20);
            Page<AuditEventDto> after = log.query(query, 0, 20, before.next());
            Page<AuditEventDto> byNumber = log.query(query, deep + 1, 20);
            assertThat(after.items()).as(query.describe()).isEqualTo(byNumber.items()).isNotEmpty();
            assertThat(after.page()).isEqualTo(deep + 1);
            assertThat(after.items()).isSortedAccordingTo(java.util.Comparator.comparing(AuditEventDto::occurredAt)
                    .thenComparing(AuditEventDto::id).reversed());
        }
        Page<AuditEventDto> person = log.query(FILTERS.get("ix_audit_event_target"), 0, 50);
        assertThat(person.total()).isEqualTo(EVENTS / PEOPLE);
        assertThat(person.totalExact()).isTrue();
        assertThat(person.items()).hasSize(50).allSatisfy(e -> assertThat(e.target()).isEqualTo("user42@contoso.example"));

        Page<AuditEventDto> resets = log.query(FILTERS.get("ix_audit_event_activity"), 0, 50);
        assertThat(resets.totalExact()).as("a filter with more than 10,000 events: at least").isFalse();
        assertThat(resets.total()).isEqualTo(10_001);
        assertThat(resets.hasNext()).isTrue();
        Page<AuditEventDto> everything = log.query(AuditQuery.all(), 3_999, 50);
        assertThat(everything.items()).hasSize(50);
        assertThat(everything.next()).isNull();
        everything = log.query(AuditQuery.all(), 4_000, 50);
        assertThat(everything.items()).isEmpty();
        if (kind == TestDatabases.H2) {
            assertThat(everything.total()).isEqualTo(EVENTS);
            assertThat(everything.totalExact()).isTrue();
        } else {
            assertThat(everything.total()).as("PostgreSQL's estimate").isBetween(EVENTS * 95L / 100, EVENTS * 105L / 100);
        }
    }

    private static void assertUsesIndex(TestDatabases kind, String plan, String index, String what) {
        assertThat(plan).as(what + ": by " + index + "\n" + plan).doesNotContain("tableScan").doesNotContain("Seq Scan")
                .containsPattern(kind == TestDatabases.H2 ? "/\\* public\\." + index + "[:* ]" : " on " + index + " |using " + index + " ");
    }

    private static void assertWalksIndexInOrder(TestDatabases kind, String plan, String index, String what) {
        assertThat(plan).as(what + ": no table scan\n" + plan).doesNotContain("tableScan").doesNotContain("Seq Scan");
        if (kind == TestDatabases.H2) {
            assertThat(plan).as(what + ": in " + index + "'s order\n" + plan)
                    .containsPattern("/\\* public\\." + index + "[:* ]").contains("/* index sorted */");
        } else {
            // PostgreSQL may walk the time index instead when a filter selects much of the log: also in order.
            assertThat(plan).as(what + ": " + index + " backward\n" + plan)
                    .containsPattern("Index (Only )?Scan Backward using (" + index + "|ix_audit_event_time) ")
                    .doesNotContainPattern("(?m)(^|->\\s+)(Incremental )?Sort ");
        }
    }

    private static String explain(Database db, Select<?> select) {
        String sql = db.dsl().renderInlined(select);
        return db.dsl().connectionResult(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
                StringBuilder plan = new StringBuilder();
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
                return plan.toString();
            }
        });
    }

    private static DSLContext ctx(Database db) {
        return InlinedStatements.of(db.dsl());
    }
}
