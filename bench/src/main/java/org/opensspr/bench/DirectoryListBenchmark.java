package org.opensspr.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.directory.BulkDirectory;
import org.opensspr.server.directory.DirectoryQueries;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.directory.ListQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/**
 * The users list at a million users (ADR 18), through DirectoryService as the API calls it: the first page,
 * a page 99 % of the way down (990,000 rows deep) by number and after a cursor, searches from one letter to one person, and — as
 * {@code before*} — the statements the list ran before (a search for any part of four names with a full
 * count, offset paging without an index-only path), for ratios. H2 is the embedded default's file database;
 * PostgreSQL is embedded, with an ICU en-US collation. The directory ({@code BulkDirectory}) is loaded once
 * into {@code bench/target/directory-scale/} and reused by every later trial and run (delete it to reload).
 * Read the figures as ratios of one run: the machines are shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DirectoryListBenchmark {
    static final int SIZE = 50;
    private static final List<String> SORTS = DirectoryQueries.USER_SORT_KEYS;

    @Param({"1000000"})
    public int users;

    @Param({"H2", "POSTGRES"})
    public String database;

    private EmbeddedPostgres postgres;
    private Database db;
    private DirectoryService directory;
    private int deepPage;
    private String deepCursor;

    @Setup(Level.Trial)
    public void openTheLoadedDirectory() throws IOException, SQLException {
        Path data = Path.of(System.getProperty("opensspr.bench.data", "bench/target/directory-scale"))
                .resolve(database.toLowerCase(java.util.Locale.ROOT) + "-" + users);
        Files.createDirectories(data);
        if (database.equals("H2")) {
            db = Database.open(Database.h2FileUrl(data) + ScaleData.NO_REUSED_RESULTS, null, null);
        } else {
            postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pgdata"))
                    .setCleanDataDirectory(false).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'directory'")) {
                if (!r.next()) {
                    s.execute("CREATE DATABASE directory " + TestDatabases.LINGUISTIC_COLLATION);
                }
            }
            db = Database.open(postgres.getJdbcUrl("postgres", "directory"), "postgres", "");
        }
        Path loaded = data.resolve("loaded");
        if (!Files.exists(loaded)) {
            if (db.dsl().fetchCount(DIRECTORY_USER) > 0) {
                throw new IllegalStateException("A load into " + data + " was broken off; delete the directory");
            }
            System.out.println("Loading " + users + " users into " + database + ": " + BulkDirectory.load(db, users, 0));
            Files.writeString(loaded, "");
        }
        // Lists write nothing, so the audit log (under a throwaway key) stays empty.
        directory = new DirectoryService(db, Clock.systemUTC(), new org.opensspr.server.audit.AuditLog(db,
                Clock.systemUTC(), org.opensspr.server.audit.AuditSeal.of(
                        org.opensspr.server.crypto.SecretBox.withKey(new byte[32]))));
        deepPage = deepPage(users);
        deepCursor = page("", "displayName", deepPage - 1, "").next();
        if (page("", "displayName", deepPage, "").items().size() != SIZE) {
            throw new IllegalStateException("The directory holds fewer than " + users + " users; delete " + data);
        }
    }

    /** The page 99 % of the way down (990,000 rows deep at a million users). */
    static int deepPage(int users) {
        return users / 100 * 99 / SIZE;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Benchmark
    public Page<UserSummaryDto> firstPage() {
        return page("", "displayName", 0, "");
    }

    @Benchmark
    public Page<UserSummaryDto> deepPageByNumber() {
        return page("", "displayName", deepPage, "");
    }

    @Benchmark
    public Page<UserSummaryDto> deepPageAfterCursor() {
        return page("", "displayName", 0, deepCursor);
    }

    /** "s": about a quarter of the directory; the first 1,000 matches of each name are read. */
    @Benchmark
    public Page<UserSummaryDto> searchOneLetter() {
        return page("s", "displayName", 0, "");
    }

    /** "smith": one surname in 233, about 4,300 people. */
    @Benchmark
    public Page<UserSummaryDto> searchSurname() {
        return page("smith", "displayName", 0, "");
    }

    /** "zoe.smith.2": a handful of people. */
    @Benchmark
    public Page<UserSummaryDto> searchOnePerson() {
        return page("zoe.smith.2", "upn", 0, "");
    }

    /** The list before ADR 18: "smith" anywhere in four names, counted in full, first page by UPN. */
    @Benchmark
    public int beforeSearchSurname() {
        return before("smith", 0);
    }

    /** The list before ADR 18: no search, counted in full, the page 990,000 rows deep by UPN. */
    @Benchmark
    public int beforeDeepPage() {
        return before("", deepPage);
    }

    private Page<UserSummaryDto> page(String search, String sort, int page, String after) {
        return directory.listUsers(ListQuery.of(search, sort, page, SIZE, after, SORTS));
    }

    /** The statements DirectoryQueries ran before ADR 18 (contains on lower-cased names, COUNT, OFFSET). */
    private int before(String search, int page) {
        return db.inTransaction(tx -> {
            Condition match = DSL.noCondition();
            if (!search.isEmpty()) {
                match = DIRECTORY_USER.UPN_KEY.contains(search).or(DSL.lower(DIRECTORY_USER.DISPLAY_NAME).contains(search))
                        .or(DSL.lower(DIRECTORY_USER.GIVEN_NAME).contains(search))
                        .or(DSL.lower(DIRECTORY_USER.SURNAME).contains(search));
            }
            DSLContext dsl = tx;
            int total = dsl.fetchCount(DIRECTORY_USER, match);
            return total + dsl.select(DIRECTORY_USER.ID, DIRECTORY_USER.UPN, DIRECTORY_USER.DISPLAY_NAME,
                            DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.SURNAME, DIRECTORY_USER.SOURCE,
                            DIRECTORY_USER.ENABLED, DIRECTORY_USER.LOCKED, DIRECTORY_USER.CREATED_AT)
                    .from(DIRECTORY_USER).where(match).orderBy(DIRECTORY_USER.UPN_KEY, DIRECTORY_USER.ID)
                    .limit(SIZE).offset((long) page * SIZE).fetch().size();
        });
    }
}
