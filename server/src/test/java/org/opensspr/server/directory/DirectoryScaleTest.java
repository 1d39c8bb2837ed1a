package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.jooq.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensspr.api.GroupDto;
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million users (and 20,000 groups) on H2 and on PostgreSQL — the latter with an ICU en-US collation, as
 * production databases have — and the statements the lists really run, explained: every order, both ways,
 * at the first page, a page 990,000 rows deep and after a cursor in the middle; every search branch; the
 * rows of a page and the bounded count. Each must walk an index (index-only for offsets on PostgreSQL),
 * never scan or sort the table (ADR 18); a search by display name reads indexes alone (ADR 29). Not timed:
 * bench/'s DirectoryListBenchmark measures. The directory is loaded once per database, both at once
 * ({@link BulkDirectory}).
 */
class DirectoryScaleTest {
    private static final int USERS = 1_000_000;
    private static final int GROUPS = 20_000;
    private static final int SIZE = 50;
    private static final int DEEP_PAGE = 990_000 / SIZE;
    private static final Map<TestDatabases, Database> DATABASES = new EnumMap<>(TestDatabases.class);
    private static final Map<TestDatabases, Map<String, Duration>> LOAD_TIMES = new EnumMap<>(TestDatabases.class);

    /** The index each order walks, as the migrations name it (H2 appends a suffix to a constraint's). */
    private static final Map<String, String> USER_ORDER_INDEX = Map.of("upn", "uq_directory_user_upn",
            "displayName", "ix_directory_user_display_name_key", "createdAt", "ix_directory_user_created_at");
    private static final Map<String, String> SEARCH_INDEX = Map.of("upn_key", "(?:uq_directory_user_upn|ix_directory_user_upn_key_display)",
            "display_name_key", "ix_directory_user_display_name_key", "given_name_key", "ix_directory_user_given_name_key",
            "surname_key", "ix_directory_user_surname_key");
    private static final Map<String, String> GROUP_ORDER_INDEX = Map.of("name", "uq_directory_group_name",
            "createdAt", "ix_directory_group_created_at");

    @BeforeAll
    static void loadAMillionUsersIntoEachDatabase() {
        CompletableFuture<Database> postgres = CompletableFuture.supplyAsync(() -> loaded(TestDatabases.POSTGRES));
        DATABASES.put(TestDatabases.H2, loaded(TestDatabases.H2));
        DATABASES.put(TestDatabases.POSTGRES, postgres.join());
    }

    private static Database loaded(TestDatabases kind) {
        Database db = kind == TestDatabases.POSTGRES ? TestDatabases.freshPostgres(TestDatabases.LINGUISTIC_COLLATION)
                : kind.fresh();
        Map<String, Duration> took = BulkDirectory.load(db, USERS, GROUPS);
        synchronized (LOAD_TIMES) {
            LOAD_TIMES.put(kind, took);
        }
        return db;
    }

    @AfterAll
    static void close() {
        System.out.println("DirectoryScaleTest loaded " + USERS + " users and " + GROUPS + " groups: " + LOAD_TIMES);
        DATABASES.values().forEach(Database::close);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyOrderWalksItsIndexAtTheStartDeepDownAndAfterACursor(TestDatabases kind) {
        Database db = DATABASES.get(kind);
        DirectoryList<UserSummaryDto> users = DirectoryQueries.USERS;
        for (String sort : List.of("upn", "-upn", "displayName", "-displayName", "createdAt", "-createdAt")) {
            String index = USER_ORDER_INDEX.get(sort.replace("-", ""));
            String middle = db.inTransaction(tx -> users.page(tx, query("", sort, USERS / SIZE / 2, ""))).next();
            for (ListQuery page : List.of(query("", sort, 0, ""), query("", sort, DEEP_PAGE, ""), query("", sort, 0, middle))) {
                String plan = explain(db, users.keys(ctx(db), page));
                String what = kind + " " + sort + " page " + page.page() + (page.after().isEmpty() ? "" : " after a cursor");
                assertWalksIndexInOrder(kind, plan, index, what);
                if (!page.after().isEmpty()) {
                    assertThat(plan).as(what + ": starts at the cursor\n" + plan)
                            .containsPattern(kind == TestDatabases.H2 ? "/\\* public\\." + index + "\\w*: \\w+ [<>]=? " : "Index Cond: ");
                }
            }
            List<Object> keys = db.inTransaction(tx -> tx.fetch(users.keys(ctx(db), query("", sort, DEEP_PAGE, ""))))
                    .map(r -> r.get(r.size() - 1));
            String rows = explain(db, users.rows(ctx(db), query("", sort, 0, ""), keys));
            assertNoScan(kind, rows, sort + " rows");
            assertThat(rows).as(kind + " " + sort + ": a page's rows by their unique key\n" + rows)
                    .containsPattern(sort.contains("upn") ? "uq_directory_user_upn|ix_directory_user_upn_key_display"
                            : kind == TestDatabases.H2 ? "PRIMARY_KEY" : "directory_user_pkey");
        }
        String count = explain(db, users.boundedCount(ctx(db)));
        assertThat(count).as(kind + ": the count stops after " + (DirectoryList.EXACT_COUNT_LIMIT + 1) + " rows\n" + count)
                .containsPattern(kind == TestDatabases.H2 ? "FETCH FIRST 10001 ROWS ONLY" : "Limit .*rows=10001");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSearchReadsOneIndexRangePerName(TestDatabases kind) {
        Database db = DATABASES.get(kind);
        for (String text : List.of("s", "Smi", "john.smith", "zoe", "y")) {
            for (String sort : List.of("upn", "-displayName", "createdAt")) {
                String plan = explain(db, DirectoryQueries.USERS.candidates(ctx(db), query(text, sort, 0, "")));
                String what = kind + " search '" + text + "' by " + sort;
                assertNoScan(kind, plan, what);
                String key = text.toLowerCase(java.util.Locale.ROOT);
                SEARCH_INDEX.forEach((column, index) -> assertThat(plan).as(what + ": " + column + " by " + index + "\n" + plan)
                        .containsPattern(kind == TestDatabases.H2
                                ? "/\\* public\\." + index + "\\w*: " + column + " >= '" + Pattern.quote(key) + "'"
                                : "(Index (Only )?Scan using|Bitmap Index Scan on) " + index + " [^\n]*\n\\s*Index Cond: [^\n]*"
                                + column + "\\)?(::text)? >= '" + Pattern.quote(key) + "'"));
                if (sort.endsWith("displayName") && kind == TestDatabases.POSTGRES) {
                    // V36: every searched index holds the display order's keys, so no match's row is read.
                    assertThat(plan).as(what + ": from the indexes alone\n" + plan)
                            .doesNotContainPattern("Index Scan using|Bitmap Heap Scan");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void pagesAreRightAtAMillion(TestDatabases kind) {
        Database db = DATABASES.get(kind);
        Page<UserSummaryDto> deep = db.inTransaction(tx -> DirectoryQueries.USERS.page(tx, query("", "createdAt", DEEP_PAGE, "")));
        // User i was created i × 7919 mod n seconds after the start: the 990,000th second is user 990,000 × 7919⁻¹.
        BigInteger inverse = BigInteger.valueOf(7919).modInverse(BigInteger.valueOf(USERS));
        List<String> expected = new ArrayList<>();
        for (long second = 990_000; second < 990_000 + SIZE; second++) {
            expected.add(BulkDirectory.userId(BigInteger.valueOf(second).multiply(inverse).mod(BigInteger.valueOf(USERS)).longValueExact()));
        }
        assertThat(deep.items()).extracting(UserSummaryDto::id).isEqualTo(expected);
        Page<UserSummaryDto> afterIt = db.inTransaction(tx -> DirectoryQueries.USERS.page(tx, query("", "createdAt", 0, deep.next())));
        Page<UserSummaryDto> byNumber = db.inTransaction(tx -> DirectoryQueries.USERS.page(tx, query("", "createdAt", DEEP_PAGE + 1, "")));
        assertThat(afterIt.items()).isEqualTo(byNumber.items()).hasSize(SIZE);
        assertThat(afterIt.page()).isEqualTo(DEEP_PAGE + 1);
        if (kind == TestDatabases.H2) {
            assertThat(deep.total()).isEqualTo(USERS);
            assertThat(deep.totalExact()).isTrue();
        } else {
            assertThat(deep.total()).as("PostgreSQL's estimate").isBetween(USERS * 95L / 100, USERS * 105L / 100);
            assertThat(deep.totalExact()).isFalse();
        }

        Page<UserSummaryDto> smith = db.inTransaction(tx -> DirectoryQueries.USERS.page(tx, query("Smith", "-displayName", 0, "")));
        assertThat(smith.totalExact()).as("Smith: more surnames than a search reads").isFalse();
        assertThat(smith.items()).hasSize(SIZE).allSatisfy(u -> assertThat(u.surname()).isEqualTo("Smith"));
        Page<UserSummaryDto> one = db.inTransaction(tx -> DirectoryQueries.USERS.page(tx, query("zoe.smith.2", "upn", 0, "")));
        assertThat(one.items()).extracting(UserSummaryDto::userPrincipalName).allSatisfy(upn -> assertThat(upn).startsWith("zoe.smith.2"));
        assertThat(one.totalExact()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void groupsWalkTheirIndexesToo(TestDatabases kind) {
        Database db = DATABASES.get(kind);
        DirectoryList<GroupDto> groups = DirectoryQueries.GROUPS;
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt")) {
            String index = GROUP_ORDER_INDEX.get(sort.replace("-", ""));
            String middle = db.inTransaction(tx -> groups.page(tx, query("", sort, GROUPS / SIZE / 2, ""))).next();
            for (ListQuery page : List.of(query("", sort, GROUPS / SIZE - 1, ""), query("", sort, 0, middle))) {
                assertWalksIndexInOrder(kind, explain(db, groups.keys(ctx(db), page)), index, kind + " groups " + sort);
            }
            String search = explain(db, groups.candidates(ctx(db), query("team 1", sort, 0, "")));
            assertNoScan(kind, search, "groups search by " + sort);
            assertThat(search).contains("uq_directory_group_name");
        }
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            if (BulkDirectory.groupName(g).startsWith("Team 11")) {
                expected.add(BulkDirectory.groupName(g));
            }
        }
        expected.sort(java.util.Comparator.reverseOrder());
        Page<GroupDto> teams = db.inTransaction(tx -> groups.page(tx, query("TEAM 11", "-name", 0, "")));
        assertThat(teams.items()).extracting(GroupDto::name).isEqualTo(expected.subList(0, SIZE));
        assertThat(teams.total()).isEqualTo(expected.size());
        assertThat(teams.totalExact()).isTrue();
    }

    // --- Plans ---

    private static void assertWalksIndexInOrder(TestDatabases kind, String plan, String index, String what) {
        assertNoScan(kind, plan, what);
        if (kind == TestDatabases.H2) {
            assertThat(plan).as(what + ": in " + index + "'s order\n" + plan)
                    .containsPattern("/\\* public\\." + index + "\\w*[:* ]").contains("/* index sorted */");
        } else {
            assertThat(plan).as(what + ": " + index + " alone, index-only\n" + plan)
                    .containsPattern("Index Only Scan (Backward )?using " + index + " ")
                    .doesNotContainPattern("(?m)(^|->\\s+)(Incremental )?Sort ");
        }
    }

    private static void assertNoScan(TestDatabases kind, String plan, String what) {
        assertThat(plan).as(what + ": no table scan\n" + plan)
                .doesNotContain("tableScan").doesNotContain("Seq Scan on directory_");
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
        return DirectoryList.inlined(db.dsl());
    }

    private static ListQuery query(String search, String sort, int page, String after) {
        return ListQuery.of(search, sort, page, SIZE, after == null ? "" : after,
                List.of("upn", "displayName", "createdAt", "name"));
    }
}
