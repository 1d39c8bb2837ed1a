package org.opensspr.server.directory;

import org.opensspr.directory.Group;
import org.opensspr.directory.GroupGraph;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqlGroupMembershipTest {
    private final DirectoryFixtures fixtures = new DirectoryFixtures();

    /** all-staff ⊃ {sales, it}; sales ⊃ sales-emea; sales-emea ⊃ all-staff (a cycle); loop ⊃ loop. */
    private static final List<Group> NESTED_WITH_CYCLE = List.of(
            new Group("all-staff", "All staff", Set.of("ceo"), Set.of("sales", "it")),
            new Group("sales", "Sales", Set.of("sam"), Set.of("sales-emea")),
            new Group("sales-emea", "Sales EMEA", Set.of("erin"), Set.of("all-staff")),
            new Group("it", "IT", Set.of("ivan", "sam"), Set.of()),
            new Group("island", "Unrelated", Set.of("olga"), Set.of()),
            new Group("loop", "Loop", Set.of("lou"), Set.of("loop")),
            new Group("empty", "Empty", Set.of(), Set.of()));

    @OnBothDatabases
    void agreesWithTheInMemoryGraphOnANestedGraphWithACycle(Database db) {
        store(db, NESTED_WITH_CYCLE, Set.of("ceo", "sam", "erin", "ivan", "olga", "lou", "nobody"));
        SqlGroupMembership sql = new SqlGroupMembership(db.dsl());

        assertThat(sql.groupsOf("erin")).containsExactlyInAnyOrder("sales-emea", "sales", "all-staff");
        assertThat(sql.membersOf("sales-emea")).containsExactlyInAnyOrder("erin", "ceo", "sam", "ivan");
        assertThat(sql.groupsOf("lou")).containsExactly("loop");
        assertThat(sql.isMemberOfAny("ivan", List.of("sales-emea"))).as("through the cycle").isTrue();
        assertThat(sql.isMemberOfAny("olga", List.of("all-staff", "loop"))).isFalse();
        assertThat(sql.isMemberOfAny("olga", List.of())).isFalse();
        assertThat(sql.usersInScope(List.of("it", "loop", "missing"))).containsExactlyInAnyOrder("ivan", "sam", "lou");
        assertThat(sql.countUsersInScope(List.of("all-staff", "it"))).isEqualTo(4);
        assertAgrees(sql, new GroupGraph(NESTED_WITH_CYCLE), NESTED_WITH_CYCLE,
                Set.of("ceo", "sam", "erin", "ivan", "olga", "lou", "nobody"));
        assertThat(eitherFlags(db, List.of("it", "loop"), List.of("sales-emea", "missing"))).as("through the cycle")
                .isEqualTo(Map.of("ivan", "11", "sam", "11", "lou", "10", "erin", "01", "ceo", "01"));
        assertThat(eitherFlags(db, List.of(), List.of("island"))).isEqualTo(Map.of("olga", "01"));
    }

    @OnBothDatabases
    void agreesWithTheInMemoryGraphOnARandomGraphFullOfCycles(TestDatabases kind) {
        Random random = new Random(20261103L);
        Set<String> userIds = new HashSet<>();
        for (int u = 0; u < 40; u++) {
            userIds.add("u" + u);
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 25; g++) {
            Set<String> users = new HashSet<>();
            Set<String> nested = new HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                users.add("u" + random.nextInt(40));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                nested.add("g" + random.nextInt(25));
            }
            groups.add(new Group("g" + g, "G" + g, users, nested));
        }
        try (Database db = kind.fresh()) {
            store(db, groups, userIds);
            assertAgrees(new SqlGroupMembership(db.dsl()), new GroupGraph(groups), groups, userIds);
            GroupGraph memory = new GroupGraph(groups);
            for (int pair = 0; pair < 20; pair++) {
                List<String> first = randomGroups(random);
                List<String> second = randomGroups(random);
                Map<String, String> expected = new HashMap<>();
                for (String user : userIds) {
                    String flags = (memory.isMemberOfAny(user, first) ? "1" : "0")
                            + (memory.isMemberOfAny(user, second) ? "1" : "0");
                    if (!flags.equals("00")) {
                        expected.put(user, flags);
                    }
                }
                assertThat(eitherFlags(db, first, second)).as("%s or %s", first, second).isEqualTo(expected);
            }
        }
    }

    /** Every group nests every other: the number of paths explodes, the work of the walk must not. */
    @OnBothDatabases
    void aDenseWebOfMutuallyNestedGroupsIsAnsweredQuickly(TestDatabases kind) {
        List<Group> groups = new ArrayList<>();
        Set<String> userIds = new HashSet<>();
        for (int g = 0; g < 15; g++) {
            Set<String> others = new HashSet<>();
            for (int o = 0; o < 15; o++) {
                if (o != g) {
                    others.add("g" + o);
                }
            }
            groups.add(new Group("g" + g, "G" + g, Set.of("u" + g), others));
            userIds.add("u" + g);
        }
        try (Database db = kind.fresh()) {
            store(db, groups, userIds);
            SqlGroupMembership sql = new SqlGroupMembership(db.dsl());

            long started = System.nanoTime();
            assertThat(sql.groupsOf("u3")).hasSize(15);
            assertThat(sql.countUsersInScope(List.of("g9"))).isEqualTo(15);
            assertThat(eitherFlags(db, List.of("g1"), List.of("g2", "g3"))).hasSize(15).containsValue("11");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
        }
    }

    /** {@link SqlGroupMembership#membersOfEither}: each member's flags as "in first, in second", merged over paths. */
    private static Map<String, String> eitherFlags(Database db, List<String> first, List<String> second) {
        SqlGroupMembership.EitherMembers either = new SqlGroupMembership(db.dsl()).membersOfEither("either", first, second);
        Map<String, int[]> merged = new HashMap<>();
        db.dsl().withRecursive(either.walk()).select(either.userId(), either.inFirst(), either.inSecond())
                .from(either.members()).fetch().forEach(r -> {
                    int[] flags = merged.computeIfAbsent(r.value1(), id -> new int[2]);
                    flags[0] |= r.value2();
                    flags[1] |= r.value3();
                });
        Map<String, String> answer = new HashMap<>();
        merged.forEach((user, flags) -> answer.put(user, "" + flags[0] + flags[1]));
        return answer;
    }

    private static List<String> randomGroups(Random random) {
        List<String> groups = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            groups.add("g" + random.nextInt(27)); // g25 and g26 don't exist
        }
        return groups;
    }

    private void store(Database db, List<Group> groups, Set<String> userIds) {
        db.inTransactionDo(tx -> {
            userIds.forEach(u -> fixtures.addUser(tx, u));
            groups.forEach(g -> fixtures.addGroup(tx, g.id()));
            for (Group g : groups) {
                g.memberUserIds().forEach(u -> fixtures.addUserMember(tx, g.id(), u));
                g.memberGroupIds().forEach(m -> fixtures.addGroupMember(tx, g.id(), m));
            }
        });
    }

    private static void assertAgrees(SqlGroupMembership sql, GroupGraph memory, List<Group> groups, Set<String> userIds) {
        Map<String, Set<String>> expectedGroups = new HashMap<>();
        for (String user : userIds) {
            expectedGroups.put(user, memory.groupsOf(user));
            assertThat(sql.groupsOf(user)).as("groups of " + user).isEqualTo(memory.groupsOf(user));
        }
        for (Group group : groups) {
            assertThat(sql.membersOf(group.id())).as("members of " + group.id()).isEqualTo(memory.membersOf(group.id()));
            for (String user : userIds) {
                assertThat(sql.isMemberOfAny(user, List.of(group.id())))
                        .as(user + " in " + group.id()).isEqualTo(memory.isMemberOfAny(user, List.of(group.id())));
            }
        }
    }
}
