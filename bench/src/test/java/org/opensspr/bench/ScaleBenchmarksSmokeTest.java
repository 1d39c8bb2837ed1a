package org.opensspr.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.server.directory.BulkDirectory;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-scale benchmarks at a smoke size, each benchmark method called once on both databases with its
 * answer checked: 10,000 audit events; 2,000 people in 200 nested groups. CI runs this; the figures come from
 * the full sizes by hand (docs/performance.md (§ Data scale)).
 */
class ScaleBenchmarksSmokeTest {
    private static final int EVENTS = 10_000;
    private static final int USERS = 2_000;
    private static final int GROUPS = 200;

    @TempDir
    static Path data;
    private static String before;

    @BeforeAll
    static void intoATemporaryFolder() {
        before = System.getProperty("opensspr.bench.data");
        System.setProperty("opensspr.bench.data", data.toString());
    }

    @AfterAll
    static void restore() {
        if (before == null) {
            System.clearProperty("opensspr.bench.data");
        } else {
            System.setProperty("opensspr.bench.data", before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void auditPagesAnswerWhatTheirFiltersAsk(String database) {
        AuditPageBenchmark bench = new AuditPageBenchmark();
        bench.events = EVENTS;
        bench.database = database;
        bench.openTheLoadedLog();
        try {
            Comparator<AuditEventDto> newestFirst = Comparator.comparing(AuditEventDto::occurredAt).reversed();
            Page<AuditEventDto> first = bench.firstPage();
            assertThat(first.items()).hasSize(AuditPageBenchmark.SIZE).isSortedAccordingTo(newestFirst);
            assertThat(first.items().getFirst().occurredAt()).isEqualTo(AuditPageBenchmark.END.minusSeconds(3));
            assertThat(first.total()).isEqualTo(EVENTS);
            Page<AuditEventDto> deep = bench.deepPage();
            assertThat(deep.items()).hasSize(AuditPageBenchmark.SIZE);
            assertThat(deep.items().getFirst().occurredAt())
                    .isEqualTo(AuditPageBenchmark.END.minusSeconds(3L * (EVENTS / 10 + 1)));
            assertThat(bench.byActivity().items()).hasSize(AuditPageBenchmark.SIZE)
                    .allSatisfy(e -> assertThat(e.activity().name()).isEqualTo("RESET_PASSWORD_SELF_SERVICE"));
            assertThat(bench.deepPageAfterCursor().items()).as("the same page, reached by cursor")
                    .isEqualTo(deep.items());
            Page<AuditEventDto> activityDeep = bench.byActivityDeep();
            assertThat(activityDeep.items()).hasSize(AuditPageBenchmark.SIZE)
                    .allSatisfy(e -> assertThat(e.activity().name()).isEqualTo("RESET_PASSWORD_SELF_SERVICE"));
            assertThat(bench.byActivityDeepAfterCursor().items()).isEqualTo(activityDeep.items());
            assertThat(bench.byPerson().items()).extracting(AuditEventDto::target).containsOnly(AuditPageBenchmark.PERSON);
            assertThat(bench.byPerson().items()).hasSize(1);
            assertThat(bench.byDay().items()).hasSize(AuditPageBenchmark.SIZE).isSortedAccordingTo(newestFirst);
            assertThat(bench.failuresOfAnActivityInADay().items()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.result().name()).isEqualTo("FAILURE"));
        } finally {
            bench.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void scopeAndImpactAnswerForTheNestedGroups(String database) {
        ScopeScaleBenchmark bench = new ScopeScaleBenchmark();
        bench.users = USERS;
        bench.groups = GROUPS;
        bench.database = database;
        bench.openTheLoadedDirectory();
        try {
            assertThat(bench.inScope()).hasSize(expectedInScope(ScopeScaleBenchmark.SCOPE.size()));
            assertThat(bench.isOnePersonInScope()).isTrue();
            PolicyImpactDto impact = bench.impactPreview();
            // In scope now: those with an office phone and questions (i mod 4 < 2); the office phone alone
            // is one method short of two (i mod 4 = 0); the two groups added bring in people with nothing.
            assertThat(impact.newlyUnableToReset().count()).isEqualTo(count(ScopeScaleBenchmark.SCOPE.size(), 0));
            assertThat(impact.newlyOutOfScope().count()).isZero();
            assertThat(impact.newlyRequiredToRegister().count()).isPositive();
        } finally {
            bench.close();
        }
    }

    /** How many users are in the first {@code scopeGroups} groups from g000006 on, by the tree's own rule. */
    private static int expectedInScope(int scopeGroups) {
        int found = 0;
        for (int i = 0; i < USERS; i++) {
            found += inScope(i, scopeGroups) ? 1 : 0;
        }
        return found;
    }

    /** Users in scope with {@code i mod 4 == remainder}. */
    private static int count(int scopeGroups, int remainder) {
        int found = 0;
        for (int i = 0; i < USERS; i++) {
            found += inScope(i, scopeGroups) && i % 4 == remainder ? 1 : 0;
        }
        return found;
    }

    private static boolean inScope(long i, int scopeGroups) {
        long group = Long.parseLong(BulkDirectory.leafGroupOf(i, GROUPS).substring(1));
        while (true) {
            if (group >= 6 && group < 6 + scopeGroups) {
                return true;
            }
            if (group == 0) {
                return false;
            }
            group = (group - 1) / 5;
        }
    }
}
