package org.opensspr.bench;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.Page;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditQuery;
import org.opensspr.server.audit.AuditSeal;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.BulkDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The audit log's pages (GET /audit, through AuditLog as the route calls it) over {@code events} audit events
 * (10 million: one every 3 s over 347 days, InsightsBenchmark's mix: four activities, 100,000 people), with the
 * filters the console uses: none, an activity, a person (the user page's "events about"), a day; the first page
 * and a page a tenth of the log deep, by number and after the previous page's {@code next} cursor (the console
 * scrolls by cursor, ADR 29). Pages of 50, newest first. Loaded once into {@code bench/target/audit-scale/}.
 * Read the figures as ratios of one run: the machines are shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class AuditPageBenchmark {
    static final int SIZE = 50;
    /** The newest event; InsightsBenchmark's events go back from here. */
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    static final String PERSON = "user4242@contoso.example";
    private static final AuditQuery RESETS = AuditQuery.all().withActivity(AuditActivity.RESET_PASSWORD_SELF_SERVICE);

    @Param({"10000000"})
    public int events;

    @Param({"H2", "POSTGRES"})
    public String database;

    private ScaleData data;
    private AuditLog log;
    private int deepPage;
    private AuditQuery oneDay;
    private String deepCursor;
    private String activityDeepCursor;

    @Setup(Level.Trial)
    public void openTheLoadedLog() {
        data = ScaleData.open("audit-scale", database, Integer.toString(events), db -> load(db, events));
        log = new AuditLog(data.database(), Clock.systemUTC(), AuditSeal.of(SecretBox.withKey(new byte[32])));
        deepPage = events / 10 / SIZE;
        // A day half-way back, as the console's date range asks for it.
        Instant day = END.minus(Duration.ofSeconds(3L * events / 2));
        oneDay = AuditQuery.all().between(day, day.plus(Duration.ofDays(1)));
        // The cursors the console holds after scrolling to just before the deep pages.
        deepCursor = log.query(AuditQuery.all(), deepPage - 1, SIZE).next();
        activityDeepCursor = log.query(RESETS, deepPage / 4 - 1, SIZE).next();
    }

    @TearDown(Level.Trial)
    public void close() {
        data.close();
    }

    /**
     * InsightsBenchmark's events in one INSERT … SELECT with their ids given (H2 commits its store each time it
     * takes a block of identity values: 300,000 commits for 10 million rows), the table's indexes built after.
     * The lower-cased keys V35 adds are written when the schema has them, so a log loaded before V35 is
     * migrated by the next run's server code (and the migration's cost shows in its start).
     */
    static void load(Database db, int events) {
        Instant start = Instant.now();
        db.dsl().connection(connection -> {
            DSLContext dsl = org.jooq.impl.DSL.using(connection, db.dialect());
            boolean postgres = db.dialect().family() == SQLDialect.POSTGRES;
            boolean keys = ((Number) dsl.fetchValue("SELECT COUNT(*) FROM information_schema.columns WHERE"
                    + " LOWER(table_name) = 'audit_event' AND LOWER(column_name) = 'target_key'")).longValue() > 0;
            List<String> rebuild = BulkDirectory.dropIndexes(dsl, List.of("audit_event"));
            String person = "'user' || MOD(x, 100000) || '@contoso.example'";
            dsl.execute("INSERT INTO audit_event (id, occurred_at, activity, actor, target, result, failure_reason,"
                    + " row_mac, chain_seq, chain_mac, method" + (keys ? ", actor_key, target_key" : "") + ") "
                    + (postgres ? "" : "DIRECT ") + "SELECT x, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00'"
                    + " - (INTERVAL '1' SECOND * (x * 3)),"
                    + " CASE MOD(x, 4) WHEN 0 THEN '" + AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName() + "'"
                    + " WHEN 1 THEN '" + AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName() + "'"
                    + " WHEN 2 THEN '" + AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName() + "'"
                    + " ELSE '" + AuditActivity.SSPR_POLICY_CHANGES.entraName() + "' END, " + person + ", " + person
                    + ", CASE WHEN MOD(x, 5) = 0 THEN 'FAILURE' ELSE 'SUCCESS' END,"
                    + " CASE WHEN MOD(x, 5) = 0 THEN 'WRONG_CODE' ELSE '' END, '', x, '',"
                    + " CASE WHEN MOD(x, 4) = 1 THEN 'EMAIL' END" + (keys ? ", " + person + ", " + person : "")
                    + " FROM " + (postgres ? "generate_series(1, " + events + ") AS g(x)" : "SYSTEM_RANGE(1, " + events + ") g(x)"));
            dsl.execute("ALTER TABLE audit_event ALTER COLUMN id RESTART WITH " + (events + 1L));
            rebuild.forEach(dsl::execute);
            dsl.execute(postgres ? "VACUUM ANALYZE audit_event" : "ANALYZE");
        });
        System.out.println("Loaded " + events + " audit events in " + Duration.between(start, Instant.now()));
    }

    @Benchmark
    public Page<AuditEventDto> firstPage() {
        return log.query(AuditQuery.all(), 0, SIZE);
    }

    @Benchmark
    public Page<AuditEventDto> deepPage() {
        return log.query(AuditQuery.all(), deepPage, SIZE);
    }

    /** The same page as {@link #deepPage()}, reached as the console reaches it: after the previous page's cursor. */
    @Benchmark
    public Page<AuditEventDto> deepPageAfterCursor() {
        return log.query(AuditQuery.all(), 0, SIZE, deepCursor);
    }

    @Benchmark
    public Page<AuditEventDto> byActivity() {
        return log.query(RESETS, 0, SIZE);
    }

    @Benchmark
    public Page<AuditEventDto> byActivityDeep() {
        return log.query(RESETS, deepPage / 4, SIZE);
    }

    /** The same page as {@link #byActivityDeep()}, after the previous page's cursor. */
    @Benchmark
    public Page<AuditEventDto> byActivityDeepAfterCursor() {
        return log.query(RESETS, 0, SIZE, activityDeepCursor);
    }

    /** The user page's "events about" a person (100 of them in the log), any case. */
    @Benchmark
    public Page<AuditEventDto> byPerson() {
        return log.query(AuditQuery.all().withTarget("User4242@Contoso.example"), 0, SIZE);
    }

    @Benchmark
    public Page<AuditEventDto> byDay() {
        return log.query(oneDay, 0, SIZE);
    }

    @Benchmark
    public Page<AuditEventDto> failuresOfAnActivityInADay() {
        return log.query(oneDay.withActivity(AuditActivity.RESET_PASSWORD_SELF_SERVICE)
                .withResult(org.opensspr.api.AuditResult.FAILURE), 0, SIZE);
    }
}
