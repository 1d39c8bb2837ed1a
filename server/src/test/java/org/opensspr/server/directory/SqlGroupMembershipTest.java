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
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
        }
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
