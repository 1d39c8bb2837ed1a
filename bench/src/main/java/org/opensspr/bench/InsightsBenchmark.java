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
import org.opensspr.api.InsightsDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.insights.InsightsRollup;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.opensspr.server.db.Tables.AUDIT_CHAIN_HEAD;
import static org.opensspr.server.db.Tables.INSIGHTS_DURATION;
import static org.opensspr.server.db.Tables.INSIGHTS_HOURLY;

/**
 * Usage & insights at scale (ADR 22). {@link Report}: {@code events} audit events (10 million by default) spread
 * over the year before 2026-12-01, bulk-inserted in one INSERT…SELECT (already linked, so the server's sealer
 * leaves them alone), and the hourly rollups the sealer would have written for them inserted directly, row by row
 * in batches (not by running the sealer over 10 million events, which the seal benchmarks measure per 1,000); then
 * {@code GET /insights} over HTTP for 30 and 365 days in Europe/Berlin. {@link Sealing}: linking 1,000 fresh events
 * (a realistic mix) with and without the rollup step. Compare as ratios of one run; the machines are shared.
 */
@Fork(1)
public class InsightsBenchmark {
    private static final OffsetDateTime END = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** One event every 3 seconds back from {@link #END}: 10 million cover 347 days. */
    private static final int SECONDS_APART = 3;

    @State(Scope.Benchmark)
    public static class Report {
        @Param({"10000000"})
        public int events;

        @Param({"H2", "POSTGRES"})
        public String database;

        InProcessServer server;
        OpenSsprClient reader;

        @Setup(Level.Trial)
        public void fill() {
            server = InProcessServer.start(TestDatabases.valueOf(database));
            // The server's own sealer would otherwise race the bulk insert for link numbers.
            server.server().auditChain().close();
            server.server().auditChain().seal();
            Database db = server.server().database();
            long last = db.dsl().fetchValue(AUDIT_CHAIN_HEAD.LAST_SEQ);
            db.inTransactionDo(tx -> tx.execute(eventsSql(tx.dialect(), events, last)));
            db.inTransactionDo(tx -> tx.update(AUDIT_CHAIN_HEAD).set(AUDIT_CHAIN_HEAD.LAST_SEQ, last + events).execute());
            insertRollups(db, events);
            reader = TestAdmins.client(server, Role.REPORTS_READER);
        }

        @TearDown(Level.Trial)
        public void stop() {
            reader.close();
            server.close();
        }
    }

    /**
     * Event x (1 … n) happens x × 3 s before {@link #END}: a quarter are resets (one in five failed), a quarter gate
     * outcomes with a method (one in five failed), a quarter unlocks, a quarter policy changes (not counted).
     */
    static String eventsSql(SQLDialect dialect, int n, long firstSeqBefore) {
        String source = dialect.family() == SQLDialect.POSTGRES ? "generate_series(1, " + n + ") AS g(x)"
                : "SYSTEM_RANGE(1, " + n + ") AS g(x)";
        return "INSERT INTO audit_event (occurred_at, activity, actor, target, kiosk_id, result, failure_reason,"
                + " details, row_mac, chain_seq, chain_mac, method, actor_key, target_key) SELECT"
                + " TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00' - (INTERVAL '1' SECOND * (x * " + SECONDS_APART
                + ")),"
                + " CASE MOD(x, 4) WHEN 0 THEN '" + AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName() + "'"
                + " WHEN 1 THEN '" + AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName() + "'"
                + " WHEN 2 THEN '" + AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName() + "'"
                + " ELSE '" + AuditActivity.SSPR_POLICY_CHANGES.entraName() + "' END,"
                + " 'user' || MOD(x, 100000) || '@contoso.example', 'user' || MOD(x, 100000) || '@contoso.example',"
                + " NULL, CASE WHEN MOD(x, 5) = 0 THEN 'FAILURE' ELSE 'SUCCESS' END,"
                + " CASE WHEN MOD(x, 5) = 0 THEN 'WRONG_CODE' ELSE '' END, '', '', x + " + firstSeqBefore + ", '',"
                + " CASE WHEN MOD(x, 4) = 1 THEN 'EMAIL' END,"
                + " 'user' || MOD(x, 100000) || '@contoso.example', 'user' || MOD(x, 100000) || '@contoso.example'"
                + " FROM " + source;
    }

    /** What the sealer would have counted for those events, per UTC hour: the same shares, in rollup rows. */
    static void insertRollups(Database db, int events) {
        long hours = (long) events * SECONDS_APART / 3_600 + 1;
        long perHour = 3_600 / SECONDS_APART;
        long quarter = perHour / 4;
        long failed = quarter / 5;
        String reset = AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName();
        String unlock = AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName();
        String progress = AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName();
        for (long from = 0; from < hours; from += 2_000) {
            long start = from;
            db.inTransactionDo(tx -> {
                var insert = tx.batch(tx.insertInto(INSIGHTS_HOURLY, INSIGHTS_HOURLY.HOUR_START, INSIGHTS_HOURLY.ACTIVITY,
                        INSIGHTS_HOURLY.METHOD, INSIGHTS_HOURLY.RESULT, INSIGHTS_HOURLY.REASON, INSIGHTS_HOURLY.EVENTS)
                        .values((OffsetDateTime) null, null, null, null, null, null));
                var durations = tx.batch(tx.insertInto(INSIGHTS_DURATION, INSIGHTS_DURATION.HOUR_START,
                        INSIGHTS_DURATION.BUCKET_UPPER_SECONDS, INSIGHTS_DURATION.COMPLETED)
                        .values((OffsetDateTime) null, null, null));
                for (long h = start; h < Math.min(hours, start + 2_000); h++) {
                    OffsetDateTime hour = END.minusHours(h + 1);
                    for (String activity : List.of(reset, unlock)) {
                        insert.bind(hour, activity, "", "SUCCESS", "", quarter - failed);
                        insert.bind(hour, activity, "", "FAILURE", "WRONG_CODE", failed);
                    }
                    insert.bind(hour, progress, AuthMethod.EMAIL.name(), "SUCCESS", "", quarter - failed);
                    insert.bind(hour, progress, AuthMethod.EMAIL.name(), "FAILURE", "WRONG_CODE", failed);
                    for (long bucket : new long[] {30, 60, 120, 300, 600, 1_800, -1}) {
                        durations.bind(hour, bucket, 2 * (quarter - failed) / 7);
                    }
                }
                insert.execute();
                durations.execute();
            });
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public InsightsDto report30Days(Report state) {
        LocalDate to = LocalDate.of(2026, 11, 30);
        return state.reader.insights().report(to.minusDays(29), to, BERLIN);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public InsightsDto report365Days(Report state) {
        LocalDate to = LocalDate.of(2026, 11, 30);
        return state.reader.insights().report(to.minusDays(364), to, BERLIN);
    }

    @State(Scope.Benchmark)
    public static class Sealing {
        static final int BATCH = 1_000;

        @Param({"H2", "POSTGRES"})
        public String database;

        InProcessServer server;
        AuditLog log;
        AuditChain plain;
        AuditChain counting;

        @Setup(Level.Trial)
        public void start() {
            server = InProcessServer.start(TestDatabases.valueOf(database));
            server.server().auditChain().close();
            Database db = server.server().database();
            log = AuditSeals.log(db, server.server().clock());
            // The server's own key doesn't matter here: nothing verifies during the run.
            plain = new AuditChain(db, server.server().clock(), AuditSeals.fixed());
            counting = new AuditChain(db, server.server().clock(), AuditSeals.fixed(), new InsightsRollup());
            plain.sealPending();
        }

        /** 1,000 events as kiosks write them: progress with and without a method, completions, blocks. */
        @Setup(Level.Iteration)
        public void write() {
            server.server().database().inTransactionDo(tx -> write(tx, log));
        }

        private static void write(DSLContext tx, AuditLog log) {
            for (int i = 0; i < BATCH; i++) {
                String user = "user" + i + "@contoso.example";
                AuditEntry entry = switch (i % 5) {
                    case 0 -> AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, user, user);
                    case 1 -> AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, user, user, "WRONG_CODE")
                            .withMethod(AuthMethod.EMAIL);
                    case 2 -> AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, user, user)
                            .withMethod(AuthMethod.MOBILE_APP_CODE);
                    case 3 -> AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, user)
                            .withElapsed(Duration.ofSeconds(40 + i));
                    default -> AuditEntry.failure(AuditActivity.BLOCKED_FROM_SSPR, user, user,
                            "too many attempts or sends");
                };
                log.append(tx, entry);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public int seal1000Events(Sealing state) {
        return state.plain.sealPending();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public int seal1000EventsWithRollups(Sealing state) {
        return state.counting.sealPending();
    }
}
