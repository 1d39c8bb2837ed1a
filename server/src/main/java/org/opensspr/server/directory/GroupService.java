package org.opensspr.server.directory;

import org.opensspr.api.AuditActivity;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.Page;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Groups and their direct members. Groups may nest, even in cycles (membership survives them), but a
 * group can't be its own direct member. Adding a member twice or removing a non-member changes nothing.
 */
public final class GroupService {
    /** How many groups one {@link #heldBy} question may name: a policy's scope selects a handful. */
    public static final int MAX_CANDIDATES = 100;

    private final Database db;
    private final Clock clock;
    private final GroupRepository groups = new GroupRepository();
    private final DirectoryRepository users = new DirectoryRepository();
    private final DirectoryQueries queries = new DirectoryQueries();

    private final AuditLog audit;

    public GroupService(Database db, Clock clock, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    public Page<GroupDto> listGroups(ListQuery query) {
        return db.inTransaction(tx -> queries.groups(tx, query));
    }

    public GroupDto getGroup(String id) {
        return db.inTransaction(tx -> queries.group(tx, existing(tx, id)));
    }

    public Page<GroupMemberDto> members(String groupId, int page, int size) {
        return db.inTransaction(tx -> {
            existing(tx, groupId);
            return queries.members(tx, groupId, page, size);
        });
    }

    /**
     * Which of {@code candidates} (at most {@value #MAX_CANDIDATES}; unknown ids are ignored) are the group or
     * hold it through nesting, by name: e.g. the policy's scope groups through which the group's members are in
     * scope.
     */
    public List<GroupRefDto> heldBy(String groupId, List<String> candidates) {
        if (candidates.size() > MAX_CANDIDATES) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "among", "'among' names at most " + MAX_CANDIDATES
                    + " groups.");
        }
        return db.inTransaction(tx -> {
            existing(tx, groupId);
            Set<String> holders = new SqlGroupMembership(tx).holdersAmong(groupId, candidates);
            return holders.stream().map(id -> groups.findGroup(tx, id)).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(GroupRow::nameKey))
                    .map(g -> new GroupRefDto(g.id(), g.name())).toList();
        });
    }

    public GroupDto createGroup(String actor, GroupWriteRequest request) {
        GroupRow draft = validated(UUID.randomUUID().toString(), request, DbTime.now(clock));
        return UniqueKeys.guard(concurrentName(draft.name()), () -> db.inTransaction(tx -> {
            if (groups.findGroupByName(tx, draft.name()).isPresent()) {
                throw nameTaken(draft.name());
            }
            groups.insertGroup(tx, draft);
            audit.append(tx, AuditEntry.success(AuditActivity.ADD_GROUP, actor, draft.name()));
            return queries.group(tx, draft);
        }));
    }

    public GroupDto updateGroup(String actor, String id, GroupWriteRequest request) {
        return UniqueKeys.guard(concurrentName(String.valueOf(request.name())), () -> db.inTransaction(tx -> {
            GroupRow before = existing(tx, id);
            GroupRow after = validated(id, request, before.createdAt());
            Optional<GroupRow> holder = groups.findGroupByName(tx, after.name());
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                throw nameTaken(after.name());
            }
            groups.updateGroup(tx, after);
            audit.append(tx, AuditEntry.success(AuditActivity.UPDATE_GROUP, actor, after.name()).withDetails(
                    before.name().equals(after.name()) ? "description" : "name (was " + before.name() + ")"
                            + (java.util.Objects.equals(before.description(), after.description()) ? "" : ", description")));
            return queries.group(tx, after);
        }));
    }

    /** Deletes the group, its memberships and its place in other groups; its members stay. */
    public void deleteGroup(String actor, String id) {
        db.inTransactionDo(tx -> {
            GroupRow group = existing(tx, id);
            groups.deleteGroup(tx, id);
            audit.append(tx, AuditEntry.success(AuditActivity.DELETE_GROUP, actor, group.name()));
        });
    }

    public void addUserMember(String actor, String groupId, String userId) {
        UniqueKeys.guard(CONCURRENT_DELETE, () -> db.inTransaction(tx -> {
            GroupRow group = existing(tx, groupId);
            UserRow user = users.findUser(tx, userId).orElseThrow(() -> ApiException.notFound("User " + userId));
            boolean added = groups.addUserMember(tx, groupId, userId);
            if (added) {
                audit.append(tx, AuditEntry.success(AuditActivity.ADD_MEMBER_TO_GROUP, actor, group.name())
                        .withDetails("user " + user.userPrincipalName()));
            }
            return added;
        }));
    }

    public void removeUserMember(String actor, String groupId, String userId) {
        db.inTransactionDo(tx -> {
            GroupRow group = existing(tx, groupId);
            UserRow user = users.findUser(tx, userId).orElseThrow(() -> ApiException.notFound("User " + userId));
            if (groups.removeUserMember(tx, groupId, userId)) {
                audit.append(tx, AuditEntry.success(AuditActivity.REMOVE_MEMBER_FROM_GROUP, actor, group.name())
                        .withDetails("user " + user.userPrincipalName()));
            }
        });
    }

    public void addGroupMember(String actor, String groupId, String memberGroupId) {
        if (groupId.equals(memberGroupId)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "groupId", "A group can't be a member of itself.");
        }
        UniqueKeys.guard(CONCURRENT_DELETE, () -> db.inTransaction(tx -> {
            GroupRow group = existing(tx, groupId);
            GroupRow member = existing(tx, memberGroupId);
            boolean added = groups.addGroupMember(tx, groupId, memberGroupId);
            if (added) {
                audit.append(tx, AuditEntry.success(AuditActivity.ADD_MEMBER_TO_GROUP, actor, group.name())
                        .withDetails("group " + member.name()));
            }
            return added;
        }));
    }

    public void removeGroupMember(String actor, String groupId, String memberGroupId) {
        db.inTransactionDo(tx -> {
            GroupRow group = existing(tx, groupId);
            GroupRow member = existing(tx, memberGroupId);
            if (groups.removeGroupMember(tx, groupId, memberGroupId)) {
                audit.append(tx, AuditEntry.success(AuditActivity.REMOVE_MEMBER_FROM_GROUP, actor, group.name())
                        .withDetails("group " + member.name()));
            }
        });
    }

    private GroupRow existing(DSLContext tx, String id) {
        return groups.findGroup(tx, id).orElseThrow(() -> ApiException.notFound("Group " + id));
    }

    private static GroupRow validated(String id, GroupWriteRequest request, java.time.Instant createdAt) {
        String name = request.name() == null ? "" : request.name().strip();
        String description = request.description() == null ? "" : request.description().strip();
        List<FieldProblem> problems = new ArrayList<>();
        FieldRules.groupName("name", name).ifPresent(problems::add);
        FieldRules.maxLength("description", description, FieldRules.MAX_GROUP_DESCRIPTION, "The description")
                .ifPresent(problems::add);
        Problems.throwIfAny(problems);
        return new GroupRow(id, name, description, createdAt);
    }

    private static final String CONCURRENT_DELETE =
            "The group or the member was deleted at the same time. Reload and try again.";

    private static String concurrentName(String name) {
        return "Another change took the group name '" + name.strip() + "' at the same time. Reload and try again.";
    }

    private static ApiException nameTaken(String name) {
        return new ApiException(ErrorCode.CONFLICT, "A group named '" + name + "' already exists.",
                List.of(new ApiError.FieldError("name", "TAKEN", "'" + name + "' is taken.")), null);
    }
}
