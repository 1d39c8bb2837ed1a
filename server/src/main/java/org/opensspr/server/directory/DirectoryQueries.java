package org.opensspr.server.directory;

import org.opensspr.server.db.DbTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.directory.UserSource;

import java.util.List;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;

/**
 * Searched, sorted pages of users, groups and a group's members. Each sort ends with the id so that
 * equal keys keep one order from page to page; every sort key has an index (V1, V3). Call inside one
 * transaction so that the total and the page agree.
 */
public final class DirectoryQueries {
    public static final List<String> USER_SORT_KEYS = List.of("upn", "displayName", "createdAt");
    public static final List<String> GROUP_SORT_KEYS = List.of("name", "createdAt");

    public Page<UserSummaryDto> users(DSLContext dsl, ListQuery query) {
        Condition match = noCondition();
        if (!query.search().isEmpty()) {
            String key = query.searchKey();
            match = DIRECTORY_USER.UPN_KEY.contains(key)
                    .or(DSL.lower(DIRECTORY_USER.DISPLAY_NAME).contains(key))
                    .or(DSL.lower(DIRECTORY_USER.GIVEN_NAME).contains(key))
                    .or(DSL.lower(DIRECTORY_USER.SURNAME).contains(key));
        }
        Field<?> sortField = switch (query.sortKey()) {
            case "displayName" -> DIRECTORY_USER.DISPLAY_NAME;
            case "createdAt" -> DIRECTORY_USER.CREATED_AT;
            default -> DIRECTORY_USER.UPN_KEY;
        };
        int total = dsl.fetchCount(DIRECTORY_USER, match);
        List<UserSummaryDto> items = dsl.select(DIRECTORY_USER.ID, DIRECTORY_USER.UPN, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.GIVEN_NAME, DIRECTORY_USER.SURNAME, DIRECTORY_USER.SOURCE, DIRECTORY_USER.ENABLED,
                        DIRECTORY_USER.LOCKED, DIRECTORY_USER.CREATED_AT)
                .from(DIRECTORY_USER).where(match)
                .orderBy(order(sortField, query.descending()), order(DIRECTORY_USER.ID, query.descending()))
                .limit(query.size()).offset(query.offset())
                .fetch(r -> new UserSummaryDto(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        UserSource.valueOf(r.value6()), r.value7(), r.value8(), DbTime.instant(r.value9())));
        return new Page<>(items, total, query.page(), query.size());
    }

    public Page<GroupDto> groups(DSLContext dsl, ListQuery query) {
        Condition match = query.search().isEmpty() ? noCondition() : DIRECTORY_GROUP.NAME_KEY.contains(query.searchKey());
        Field<?> sortField = query.sortKey().equals("createdAt") ? DIRECTORY_GROUP.CREATED_AT : DIRECTORY_GROUP.NAME_KEY;
        int total = dsl.fetchCount(DIRECTORY_GROUP, match);
        List<GroupDto> items = dsl.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.NAME, DIRECTORY_GROUP.DESCRIPTION,
                        DIRECTORY_GROUP.CREATED_AT, userCount(), groupCount())
                .from(DIRECTORY_GROUP).where(match)
                .orderBy(order(sortField, query.descending()), order(DIRECTORY_GROUP.ID, query.descending()))
                .limit(query.size()).offset(query.offset())
                .fetch(r -> new GroupDto(r.value1(), r.value2(), r.value3(), r.value5(), r.value6(),
                        DbTime.instant(r.value4())));
        return new Page<>(items, total, query.page(), query.size());
    }

    public GroupDto group(DSLContext dsl, GroupRow group) {
        return dsl.select(userCount(), groupCount()).from(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(group.id()))
                .fetchOne(r -> new GroupDto(group.id(), group.name(), group.description(), r.value1(), r.value2(),
                        group.createdAt()));
    }

    /** A group's direct members: nested groups first, by name, then users, by UPN. */
    public Page<GroupMemberDto> members(DSLContext dsl, String groupId, int page, int size) {
        ListQuery query = new ListQuery("", "", false, page, size);
        var groups = select(inline(0).as("ord"), inline(GroupMemberDto.Kind.GROUP.name()).as("kind"),
                DIRECTORY_GROUP.ID.as("id"), DIRECTORY_GROUP.NAME.as("name"),
                DIRECTORY_GROUP.DESCRIPTION.as("detail"), DIRECTORY_GROUP.NAME_KEY.as("sort_key"))
                .from(GROUP_GROUP_MEMBER).join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(GROUP_GROUP_MEMBER.MEMBER_GROUP_ID))
                .where(GROUP_GROUP_MEMBER.GROUP_ID.eq(groupId));
        var users = select(inline(1), inline(GroupMemberDto.Kind.USER.name()), DIRECTORY_USER.ID, DIRECTORY_USER.UPN,
                DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.UPN_KEY)
                .from(GROUP_USER_MEMBER).join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(GROUP_USER_MEMBER.USER_ID))
                .where(GROUP_USER_MEMBER.GROUP_ID.eq(groupId));
        var all = groups.unionAll(users).asTable("members");
        int total = dsl.fetchCount(GROUP_GROUP_MEMBER, GROUP_GROUP_MEMBER.GROUP_ID.eq(groupId))
                + dsl.fetchCount(GROUP_USER_MEMBER, GROUP_USER_MEMBER.GROUP_ID.eq(groupId));
        List<GroupMemberDto> items = dsl.select(all.field("kind", String.class), all.field("id", String.class),
                        all.field("name", String.class), all.field("detail", String.class))
                .from(all)
                .orderBy(all.field("ord"), all.field("sort_key"), all.field("id"))
                .limit(query.size()).offset(query.offset())
                .fetch((Record4<String, String, String, String> r) -> new GroupMemberDto(
                        GroupMemberDto.Kind.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
        return new Page<>(items, total, page, size);
    }

    private static Field<Integer> userCount() {
        return DSL.field(selectCount().from(GROUP_USER_MEMBER).where(GROUP_USER_MEMBER.GROUP_ID.eq(DIRECTORY_GROUP.ID)));
    }

    private static Field<Integer> groupCount() {
        return DSL.field(selectCount().from(GROUP_GROUP_MEMBER).where(GROUP_GROUP_MEMBER.GROUP_ID.eq(DIRECTORY_GROUP.ID)));
    }

    private static SortField<?> order(Field<?> field, boolean descending) {
        return descending ? field.desc() : field.asc();
    }
}
