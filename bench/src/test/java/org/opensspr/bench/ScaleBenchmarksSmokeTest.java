package org.opensspr.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.directory.BulkDirectory;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The data-scale benchmarks at a smoke size, each benchmark method called once on both databases with its
 * answer checked: 10,000 audit events; 2,000 people in 200 nested groups; the users list over 2,000 people.
 * CI runs this; the figures come from the full sizes by hand (docs/performance.md (§ Data scale)).
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
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
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
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
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
            // Three in four have security questions (i mod 4 < 3); with an office phone too (i mod 4 < 2) they
            // have the two methods the policy requires.
            int scope = ScopeScaleBenchmark.SCOPE.size();
            RegistrationInsightsDto registration = bench.insightsRegistration();
            assertThat(registration.usersInScope()).isEqualTo(expectedInScope(scope));
            assertThat(registration.registered()).isEqualTo(count(scope, 0) + count(scope, 1) + count(scope, 2));
            assertThat(registration.capable()).isEqualTo(count(scope, 0) + count(scope, 1));
            assertThat(registration.byMethod()).extracting(MethodUsersDto::method, MethodUsersDto::users)
                    .containsExactly(tuple(AuthMethod.Registration.AUTHENTICATOR_APP, 0L),
                            tuple(AuthMethod.Registration.EMAIL, 0L), tuple(AuthMethod.Registration.MOBILE_PHONE, 0L),
                            tuple(AuthMethod.Registration.OFFICE_PHONE, 0L),
                            tuple(AuthMethod.Registration.SECURITY_QUESTIONS, registration.registered()));
        } finally {
            bench.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void usersListPagesAndSearchesFindWhoTheNamesSay(String database) throws Exception {
        DirectoryListBenchmark bench = new DirectoryListBenchmark();
        bench.users = USERS;
        bench.database = database;
        bench.openTheLoadedDirectory();
        try {
            List<String> byDisplayName = LongStream.range(0, USERS).boxed()
                    .sorted(Comparator.comparing((Long i) -> displayKey(i)).thenComparing(BulkDirectory::userId))
                    .map(BulkDirectory::userId).toList();
            int deep = DirectoryListBenchmark.deepPage(USERS) * DirectoryListBenchmark.SIZE;
            Page<UserSummaryDto> first = bench.firstPage();
            assertThat(first.total()).isEqualTo(USERS);
            assertThat(first.items()).extracting(UserSummaryDto::id)
                    .containsExactlyElementsOf(byDisplayName.subList(0, DirectoryListBenchmark.SIZE));
            assertThat(bench.deepPageByNumber().items()).extracting(UserSummaryDto::id)
                    .containsExactlyElementsOf(byDisplayName.subList(deep, deep + DirectoryListBenchmark.SIZE));
            assertThat(bench.deepPageAfterCursor().items()).isEqualTo(bench.deepPageByNumber().items());
            assertSearchFindsExactly(bench.searchOneLetter(), "s");
            assertSearchFindsExactly(bench.searchSurname(), "smith");
            assertSearchFindsExactly(bench.searchOnePerson(), "zoe.smith.2");
            long smiths = LongStream.range(0, USERS).filter(i -> BulkDirectory.surname(i).equals("Smith")).count();
            assertThat(bench.beforeSearchSurname()).as("its total and a full page")
                    .isEqualTo(smiths + DirectoryListBenchmark.SIZE);
            assertThat(bench.beforeDeepPage()).isEqualTo(USERS + DirectoryListBenchmark.SIZE);
        } finally {
            bench.close();
        }
    }

    /** A search's total is everyone with a name starting with {@code search}; its page shows the first of them. */
    private static void assertSearchFindsExactly(Page<UserSummaryDto> found, String search) {
        long matching = LongStream.range(0, USERS).filter(i -> Stream.of(BulkDirectory.userPrincipalName(i),
                displayKey(i), BulkDirectory.givenName(i), BulkDirectory.surname(i))
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(search))).count();
        assertThat(found.total()).as(search).isEqualTo(matching);
        assertThat(found.items()).hasSize((int) Math.min(matching, DirectoryListBenchmark.SIZE))
                .extracting(u -> displayKey(Long.parseLong(u.id().substring(1)))).isSorted();
    }

    private static String displayKey(long i) {
        return (BulkDirectory.givenName(i) + " " + BulkDirectory.surname(i)).toLowerCase(Locale.ROOT);
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
