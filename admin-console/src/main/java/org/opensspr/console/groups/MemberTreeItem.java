package org.opensspr.console.groups;

import javafx.scene.control.TreeItem;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A group in the members tree whose own direct members are read from the server when it is first expanded, a
 * page at a time (a "more" row reads the next): a large or deeply nested directory costs only what is opened.
 * Each member carries the scope groups that bring it in: those holding this group, and the member itself when
 * it is a selected group.
 */
final class MemberTreeItem extends TreeItem<MemberRow> {
    /** Reads one page of a group's direct members off the FX thread and hands it back on it (or says it failed). */
    @FunctionalInterface
    interface MemberPages {
        void read(String groupId, int page, Consumer<Page<GroupMemberDto>> shown, Runnable failed);
    }

    private final String groupId;
    private final List<String> inScopeThrough;
    private final Set<String> scopeGroupIds;
    private final MemberPages pages;
    private final boolean showsDirectMembers;
    private int nextPage;
    private long shown;
    private long total;
    private boolean started;

    /** The group shown: its direct members are read at once. */
    static MemberTreeItem root(String groupId, List<String> inScopeThrough, Set<String> scopeGroupIds, MemberPages pages) {
        MemberTreeItem root = new MemberTreeItem(null, groupId, inScopeThrough, scopeGroupIds, pages, true);
        root.setExpanded(true);
        root.readNext();
        return root;
    }

    private MemberTreeItem(MemberRow row, String groupId, List<String> inScopeThrough, Set<String> scopeGroupIds,
                           MemberPages pages, boolean showsDirectMembers) {
        super(row);
        this.groupId = groupId;
        this.inScopeThrough = inScopeThrough;
        this.scopeGroupIds = scopeGroupIds;
        this.pages = pages;
        this.showsDirectMembers = showsDirectMembers;
        if (!showsDirectMembers) {
            // A nested group shows its expand arrow before anything is read; opening it reads its first page.
            getChildren().add(new TreeItem<>(new MemberRow.Loading()));
            expandedProperty().addListener((o, was, now) -> {
                if (now && !started) {
                    readNext();
                }
            });
        }
    }

    /** Reads the next page of members (the first, or after a "more" row was chosen). */
    void readNext() {
        started = true;
        if (getChildren().isEmpty() || !(getChildren().getLast().getValue() instanceof MemberRow.Loading)) {
            getChildren().removeIf(child -> child.getValue() instanceof MemberRow.More);
            getChildren().add(new TreeItem<>(new MemberRow.Loading()));
        }
        pages.read(groupId, nextPage, this::arrived, this::readFailed);
    }

    private void arrived(Page<GroupMemberDto> page) {
        nextPage++;
        shown += page.items().size();
        total = page.total();
        List<TreeItem<MemberRow>> rows = new ArrayList<>();
        for (GroupMemberDto member : page.items()) {
            List<String> through = through(member);
            MemberRow.Member row = new MemberRow.Member(member, through, showsDirectMembers);
            rows.add(row.isGroup() ? new MemberTreeItem(row, member.id(), through, scopeGroupIds, pages, false)
                    : new TreeItem<>(row));
        }
        if (page.hasNext()) {
            rows.add(new TreeItem<>(new MemberRow.More(shown, page.total())));
        }
        getChildren().removeIf(child -> child.getValue() instanceof MemberRow.Loading);
        getChildren().addAll(rows);
    }

    /** This group's way into the scope, and the member's own when it is a selected group. */
    private List<String> through(GroupMemberDto member) {
        if (member.kind() != GroupMemberDto.Kind.GROUP || !scopeGroupIds.contains(member.id())
                || inScopeThrough.contains(member.name())) {
            return inScopeThrough;
        }
        List<String> more = new ArrayList<>(inScopeThrough);
        more.add(member.name());
        return List.copyOf(more);
    }

    /** What failed can be asked for again: a "more" row comes back, a group whose first page failed closes. */
    private void readFailed() {
        getChildren().removeIf(child -> child.getValue() instanceof MemberRow.Loading);
        if (nextPage > 0) {
            getChildren().add(new TreeItem<>(new MemberRow.More(shown, total)));
        } else if (!showsDirectMembers) {
            started = false;
            getChildren().add(new TreeItem<>(new MemberRow.Loading()));
            setExpanded(false);
        }
    }
}
