package org.opensspr.console.groups;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TreeItem;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprScope;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One group: its name and description, the SSPR scope groups that hold it (asked of the server, which walks the
 * nesting), and its members as a tree whose nested groups are read when opened. Adding and removing members asks
 * the server, then reads the group again.
 */
public final class GroupDetailModel {
    static final int MEMBERS_PAGE = 100;
    static final int CANDIDATES = 20;

    /** What is shown of a group: itself, and the scope's groups that are it or hold it. */
    public record Shown(GroupDto group, ScopePolicy scope, List<GroupRefDto> heldBy) {
        public Shown {
            heldBy = List.copyOf(heldBy);
        }

        public boolean isScopeGroup() {
            return heldBy.stream().anyMatch(g -> g.id().equals(group.id()));
        }
    }

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final Supplier<ScopePolicy> scope;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<TreeItem<MemberRow>> members = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private Runnable changed = () -> { };
    private long request;

    /** @param scope the SSPR policy's scope as loaded in the console */
    public GroupDetailModel(ConsoleContext context, OpenSsprClient client, Supplier<ScopePolicy> scope) {
        this.context = context;
        this.client = client;
        this.scope = scope;
    }

    /** Told after members were added or removed, so the list shows the new counts. */
    public void onChanged(Runnable listener) {
        this.changed = listener;
    }

    /** Shows the group {@code groupId} (null: none): the group and its scope first, then its members. */
    public void show(String groupId) {
        long asked = ++request;
        shown.set(null);
        members.set(null);
        status.set("");
        if (groupId == null) {
            return;
        }
        ScopePolicy policyScope = scope.get();
        List<String> scopeGroups = policyScope.scope() == SsprScope.SELECTED ? policyScope.groupIds() : List.of();
        Callable<Shown> read = () -> new Shown(client.group(groupId), policyScope,
                ScopeHolders.of(client, groupId, policyScope));
        context.background().run(read, found -> {
            if (asked == request) {
                shown.set(found);
                members.set(MemberTreeItem.root(groupId, found.heldBy().stream().map(GroupRefDto::name).toList(),
                        Set.copyOf(scopeGroups), (group, page, arrived, failed) -> readMembers(asked, group, page,
                                arrived, failed)));
            }
        }, this::failed);
    }

    private void readMembers(long asked, String groupId, int page,
                             Consumer<org.opensspr.api.Page<GroupMemberDto>> arrived, Runnable failedRead) {
        context.background().run(() -> client.groupMembers(groupId, page, MEMBERS_PAGE), answer -> {
            if (asked == request) {
                arrived.accept(answer);
            }
        }, failure -> {
            if (asked == request) {
                failedRead.run();
                failed(failure);
            }
        });
    }

    /**
     * Users (UPN or name) or groups (name) starting with {@code text}, as members to offer; the group shown is
     * left out of the groups, which can't hold itself.
     */
    public void candidates(GroupMemberDto.Kind kind, String text, Consumer<List<GroupMemberDto>> found) {
        String groupId = id();
        context.background().run(() -> kind == GroupMemberDto.Kind.USER
                ? client.users(text, 0, CANDIDATES).items().stream().map(u -> new GroupMemberDto(
                        GroupMemberDto.Kind.USER, u.id(), u.userPrincipalName(), u.displayName())).toList()
                : client.groups(text, 0, CANDIDATES).items().stream().filter(g -> !g.id().equals(groupId))
                        .map(g -> new GroupMemberDto(GroupMemberDto.Kind.GROUP, g.id(), g.name(), g.description()))
                        .toList(), found, this::failed);
    }

    /** Adds a user or nests a group. */
    public void add(GroupMemberDto member) {
        String groupId = id();
        act(() -> {
            if (member.kind() == GroupMemberDto.Kind.USER) {
                client.addUserToGroup(groupId, member.id());
            } else {
                client.addGroupToGroup(groupId, member.id());
            }
            return member;
        }, "group.done.add", member.name());
    }

    /** Takes a direct member out of the group (a user stays in the directory, a nested group keeps its members). */
    public void remove(GroupMemberDto member) {
        String groupId = id();
        act(() -> {
            if (member.kind() == GroupMemberDto.Kind.USER) {
                client.removeUserFromGroup(groupId, member.id());
            } else {
                client.removeGroupFromGroup(groupId, member.id());
            }
            return member;
        }, "group.done.remove", member.name());
    }

    private void act(Callable<?> call, String doneKey, String memberName) {
        String groupId = id();
        String groupName = shown.get().group().name();
        long asked = request;
        status.set(context.text("group.working"));
        context.background().run(call, done -> {
            changed.run();
            if (asked == request) {
                show(groupId);
                status.set(context.text(doneKey, memberName, groupName));
            }
        }, failure -> {
            if (asked == request) {
                failed(failure);
            }
        });
    }

    private String id() {
        return Objects.requireNonNull(shown.get(), "no group shown").group().id();
    }

    private void failed(Exception failure) {
        status.set(context.text("group.failed", CallFailures.describe(context, failure)));
    }

    public ObjectProperty<Shown> shownProperty() {
        return shown;
    }

    public ObjectProperty<TreeItem<MemberRow>> membersProperty() {
        return members;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
