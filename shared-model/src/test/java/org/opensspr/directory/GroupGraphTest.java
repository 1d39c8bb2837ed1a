package org.opensspr.directory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroupGraphTest {
    private final GroupGraph graph = new GroupGraph(List.of(
            new Group("all-staff", "All staff", Set.of("ceo"), Set.of("sales", "it")),
            new Group("sales", "Sales", Set.of("sam"), Set.of("sales-emea")),
            new Group("sales-emea", "Sales EMEA", Set.of("erin"), Set.of("all-staff")),
            new Group("it", "IT", Set.of("ivan"), Set.of()),
            new Group("island", "Unrelated", Set.of("olga"), Set.of())));

    @Test
    void membershipFollowsNestingUpwards() {
        assertThat(graph.groupsOf("erin")).containsExactlyInAnyOrder("sales-emea", "sales", "all-staff");
        assertThat(graph.groupsOf("ivan")).as("all-staff sits inside sales-emea through the cycle")
                .containsExactlyInAnyOrder("it", "all-staff", "sales-emea", "sales");
        assertThat(graph.groupsOf("nobody")).isEmpty();
    }

    @Test
    void membersIncludeNestedGroupsAndSurviveTheCycle() {
        assertThat(graph.membersOf("all-staff")).containsExactlyInAnyOrder("ceo", "sam", "erin", "ivan");
        assertThat(graph.membersOf("sales-emea")).containsExactlyInAnyOrder("erin", "ceo", "sam", "ivan");
        assertThat(graph.membersOf("missing")).isEmpty();
    }

    @Test
    void isMemberOfAny() {
        assertThat(graph.isMemberOfAny("erin", List.of("it", "all-staff"))).isTrue();
        assertThat(graph.isMemberOfAny("olga", List.of("all-staff"))).isFalse();
        assertThat(graph.isMemberOfAny("olga", List.of())).isFalse();
    }

    @Test
    void aGroupContainingItselfIsHarmless() {
        GroupGraph self = new GroupGraph(List.of(new Group("loop", "Loop", Set.of("u"), Set.of("loop"))));
        assertThat(self.groupsOf("u")).containsExactly("loop");
        assertThat(self.membersOf("loop")).containsExactly("u");
    }
}
