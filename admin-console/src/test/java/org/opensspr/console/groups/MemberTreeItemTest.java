package org.opensspr.console.groups;

import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The members tree reads a page when asked, offers the next through a "more" row, and lets a failed read be asked again. */
class MemberTreeItemTest {
    private static final GroupMemberDto WAVE = new GroupMemberDto(GroupMemberDto.Kind.GROUP, "wave", "Wave 2", "");
    private static final GroupMemberDto PILOT = new GroupMemberDto(GroupMemberDto.Kind.GROUP, "pilot", "Pilot", "");

    /** Answers what the test says, when it says: a read waits until answered. */
    private static final class Pages implements MemberTreeItem.MemberPages {
        final List<String> asked = new ArrayList<>();
        Consumer<Page<GroupMemberDto>> pending;
        Runnable pendingFailure;

        @Override
        public void read(String groupId, int page, Consumer<Page<GroupMemberDto>> shown, Runnable failed) {
            asked.add(groupId + "#" + page);
            pending = shown;
            pendingFailure = failed;
        }

        void answer(List<GroupMemberDto> items, long total, int page, int size) {
            pending.accept(new Page<>(items, total, page, size));
        }
    }

    @Test
    void aLongListIsReadAPageAtATimeThroughItsMoreRow() {
        Pages pages = new Pages();
        MemberTreeItem root = MemberTreeItem.root("team", List.of(), Set.of(), pages);
        assertThat(rows(root)).containsExactly(new MemberRow.Loading());

        pages.answer(users(0, 2), 3, 0, 2);
        assertThat(rows(root)).containsExactly(member(0, true), member(1, true), new MemberRow.More(2, 3));

        root.readNext();
        assertThat(rows(root)).containsExactly(member(0, true), member(1, true), new MemberRow.Loading());
        pages.answer(users(2, 3), 3, 1, 2);
        assertThat(pages.asked).containsExactly("team#0", "team#1");
        assertThat(rows(root)).containsExactly(member(0, true), member(1, true), member(2, true));
    }

    @Test
    void aNestedGroupIsReadWhenOpenedAndItsMembersCarryEverySelectedGroupOnTheWay() {
        Pages pages = new Pages();
        MemberTreeItem root = MemberTreeItem.root("all", List.of(), Set.of("pilot", "wave"), pages);
        pages.answer(List.of(PILOT), 1, 0, 100);
        TreeItem<MemberRow> pilot = root.getChildren().getFirst();
        assertThat(((MemberRow.Member) pilot.getValue()).inScopeThrough()).containsExactly("Pilot");
        assertThat(rows(pilot)).as("not read before it is opened").containsExactly(new MemberRow.Loading());
        assertThat(pages.asked).containsExactly("all#0");

        pilot.setExpanded(true);
        pages.answer(List.of(WAVE, user(7)), 2, 0, 100);
        assertThat(pages.asked).containsExactly("all#0", "pilot#0");
        assertThat(rows(pilot)).extracting(r -> ((MemberRow.Member) r).inScopeThrough())
                .as("a selected group inside a selected group is its own way in too")
                .containsExactly(List.of("Pilot", "Wave 2"), List.of("Pilot"));
        assertThat(rows(pilot)).extracting(r -> ((MemberRow.Member) r).direct()).as("only the shown group's own")
                .containsOnly(false);
        pilot.setExpanded(false);
        pilot.setExpanded(true);
        assertThat(pages.asked).as("read once").hasSize(2);
    }

    @Test
    void aFailedReadCanBeAskedForAgain() {
        Pages pages = new Pages();
        MemberTreeItem root = MemberTreeItem.root("all", List.of("Pilot"), Set.of(), pages);
        pages.answer(List.of(WAVE), 1, 0, 100);
        TreeItem<MemberRow> wave = root.getChildren().getFirst();

        wave.setExpanded(true);
        pages.pendingFailure.run();
        assertThat(wave.isExpanded()).isFalse();
        wave.setExpanded(true);
        pages.answer(List.of(user(1)), 1, 0, 100);
        assertThat(rows(wave)).containsExactly(new MemberRow.Member(user(1), List.of("Pilot"), false));

        MemberTreeItem list = MemberTreeItem.root("team", List.of(), Set.of(), pages);
        pages.answer(users(0, 1), 2, 0, 1);
        list.readNext();
        pages.pendingFailure.run();
        assertThat(rows(list)).as("the more row comes back").containsExactly(member(0, true), new MemberRow.More(1, 2));
    }

    private static List<MemberRow> rows(TreeItem<MemberRow> item) {
        return item.getChildren().stream().map(TreeItem::getValue).toList();
    }

    private static List<GroupMemberDto> users(int from, int to) {
        return IntStream.range(from, to).mapToObj(MemberTreeItemTest::user).toList();
    }

    private static GroupMemberDto user(int i) {
        return new GroupMemberDto(GroupMemberDto.Kind.USER, "u" + i, "user" + i + "@contoso.com", "User " + i);
    }

    private static MemberRow member(int i, boolean direct) {
        return new MemberRow.Member(user(i), List.of(), direct);
    }
}
