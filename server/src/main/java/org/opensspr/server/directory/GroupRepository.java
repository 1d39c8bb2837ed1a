package org.opensspr.server.directory;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensspr.api.GroupRefDto;
import org.opensspr.server.db.tables.records.DirectoryGroupRecord;
import org.opensspr.server.db.tables.records.GroupUserMemberRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;

/** Groups and their direct members (users and nested groups). Methods take the {@link DSLContext} to run in. */
public final class GroupRepository {

    public Optional<GroupRow> findGroup(DSLContext dsl, String id) {
        return dsl.selectFrom(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(id)).fetchOptional(GroupRepository::toRow);
    }

    public Optional<GroupRow> findGroupByName(DSLContext dsl, String name) {
        return dsl.selectFrom(DIRECTORY_GROUP).where(DIRECTORY_GROUP.NAME_KEY.eq(GroupRow.nameKeyOf(name)))
                .fetchOptional(GroupRepository::toRow);
    }

    /** Group ids by lower-cased name, for the names that exist. */
    public Map<String, String> idsByNameKey(DSLContext dsl, Collection<String> nameKeys) {
        Map<String, String> ids = new HashMap<>();
        for (List<String> chunk : DirectoryRepository.chunks(new ArrayList<>(nameKeys))) {
            dsl.select(DIRECTORY_GROUP.NAME_KEY, DIRECTORY_GROUP.ID).from(DIRECTORY_GROUP)
                    .where(DIRECTORY_GROUP.NAME_KEY.in(chunk))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return ids;
    }

    /** The groups with these ids that exist, by id. */
    public Map<String, GroupRow> findGroups(DSLContext dsl, Collection<String> ids) {
        Map<String, GroupRow> found = new HashMap<>();
        for (List<String> chunk : DirectoryRepository.chunks(new ArrayList<>(ids))) {
            dsl.selectFrom(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.in(chunk))
                    .forEach(r -> found.put(r.getId(), toRow(r)));
        }
        return found;
    }

    public void insertGroup(DSLContext dsl, GroupRow group) {
        dsl.executeInsert(toRecord(dsl, group));
    }

    public void insertGroups(DSLContext dsl, List<GroupRow> groups) {
        for (List<GroupRow> chunk : DirectoryRepository.chunks(groups)) {
            dsl.batchInsert(chunk.stream().map(g -> toRecord(dsl, g)).toList()).execute();
        }
    }

    public boolean updateGroup(DSLContext dsl, GroupRow group) {
        return dsl.update(DIRECTORY_GROUP)
                .set(DIRECTORY_GROUP.NAME, group.name())
                .set(DIRECTORY_GROUP.NAME_KEY, group.nameKey())
                .set(DIRECTORY_GROUP.DESCRIPTION, group.description())
                .where(DIRECTORY_GROUP.ID.eq(group.id()))
                .execute() == 1;
    }

    /** Deletes the group with its memberships: its members, and its own place inside other groups. */
    public boolean deleteGroup(DSLContext dsl, String id) {
        dsl.deleteFrom(GROUP_USER_MEMBER).where(GROUP_USER_MEMBER.GROUP_ID.eq(id)).execute();
        dsl.deleteFrom(GROUP_GROUP_MEMBER)
                .where(GROUP_GROUP_MEMBER.GROUP_ID.eq(id).or(GROUP_GROUP_MEMBER.MEMBER_GROUP_ID.eq(id))).execute();
        return dsl.deleteFrom(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(id)).execute() == 1;
    }

    // --- Members ---

    /** Adds the user unless already a member; true when added. */
    public boolean addUserMember(DSLContext dsl, String groupId, String userId) {
        return dsl.insertInto(GROUP_USER_MEMBER, GROUP_USER_MEMBER.GROUP_ID, GROUP_USER_MEMBER.USER_ID)
                .values(groupId, userId).onConflictDoNothing().execute() == 1;
    }

    public boolean removeUserMember(DSLContext dsl, String groupId, String userId) {
        return dsl.deleteFrom(GROUP_USER_MEMBER)
                .where(GROUP_USER_MEMBER.GROUP_ID.eq(groupId), GROUP_USER_MEMBER.USER_ID.eq(userId)).execute() == 1;
    }

    /** Adds the group as a member unless it is one already; true when added. */
    public boolean addGroupMember(DSLContext dsl, String groupId, String memberGroupId) {
        return dsl.insertInto(GROUP_GROUP_MEMBER, GROUP_GROUP_MEMBER.GROUP_ID, GROUP_GROUP_MEMBER.MEMBER_GROUP_ID)
                .values(groupId, memberGroupId).onConflictDoNothing().execute() == 1;
    }

    public boolean removeGroupMember(DSLContext dsl, String groupId, String memberGroupId) {
        return dsl.deleteFrom(GROUP_GROUP_MEMBER)
                .where(GROUP_GROUP_MEMBER.GROUP_ID.eq(groupId), GROUP_GROUP_MEMBER.MEMBER_GROUP_ID.eq(memberGroupId))
                .execute() == 1;
    }

    /** New memberships in batches (none of the pairs may exist yet). */
    public void insertUserMembers(DSLContext dsl, List<Map.Entry<String, String>> groupAndUser) {
        List<GroupUserMemberRecord> records = groupAndUser.stream().map(pair -> {
            GroupUserMemberRecord record = dsl.newRecord(GROUP_USER_MEMBER);
            record.setGroupId(pair.getKey());
            record.setUserId(pair.getValue());
            return record;
        }).toList();
        for (List<GroupUserMemberRecord> chunk : DirectoryRepository.chunks(records)) {
            dsl.batchInsert(chunk).execute();
        }
    }

    /** The groups the user is a direct member of, by name. */
    public List<GroupRefDto> directGroupsOf(DSLContext dsl, String userId) {
        return dsl.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.NAME).from(GROUP_USER_MEMBER)
                .join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(GROUP_USER_MEMBER.GROUP_ID))
                .where(GROUP_USER_MEMBER.USER_ID.eq(userId))
                .orderBy(DIRECTORY_GROUP.NAME_KEY)
                .fetch(r -> new GroupRefDto(r.value1(), r.value2()));
    }

    public int countUserMembers(DSLContext dsl, String groupId) {
        return dsl.fetchCount(GROUP_USER_MEMBER, GROUP_USER_MEMBER.GROUP_ID.eq(groupId));
    }

    public int countGroupMembers(DSLContext dsl, String groupId) {
        return dsl.fetchCount(GROUP_GROUP_MEMBER, GROUP_GROUP_MEMBER.GROUP_ID.eq(groupId));
    }

    static GroupRow toRow(Record r) {
        return new GroupRow(r.get(DIRECTORY_GROUP.ID), r.get(DIRECTORY_GROUP.NAME), r.get(DIRECTORY_GROUP.DESCRIPTION),
                DbTime.instant(r.get(DIRECTORY_GROUP.CREATED_AT)));
    }

    private static DirectoryGroupRecord toRecord(DSLContext dsl, GroupRow g) {
        DirectoryGroupRecord r = dsl.newRecord(DIRECTORY_GROUP);
        r.setId(g.id());
        r.setName(g.name());
        r.setNameKey(g.nameKey());
        r.setDescription(g.description());
        r.setCreatedAt(DbTime.of(g.createdAt()));
        return r;
    }
}
