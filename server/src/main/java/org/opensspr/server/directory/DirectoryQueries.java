package org.opensspr.server.directory;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.directory.UserSource;

import java.util.List;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;

/**
 * Searched, sorted pages of users, groups and a group's members. Users and groups are
 * {@link DirectoryList}s (ADR 18): a search matches the start of a lower-cased name, every order has an
 * index ending in a unique column, and pages follow a cursor or a number. Call inside one transaction so
 * that the total and the page agree.
 */
public final class DirectoryQueries {
    public static final List<String> USER_SORT_KEYS = List.of("upn", "displayName", "createdAt");
    public static final List<String> GROUP_SORT_KEYS = List.of("name", "createdAt");

    /** Users: searched by UPN, display name, given name and surname. */
    static final DirectoryList<UserSummaryDto> USERS = new DirectoryList<>(DIRECTORY_USER,
            List.of(new DirectoryList.Order("upn", List.of(DIRECTORY_USER.UPN_KEY)),
                    new DirectoryList.Order("displayName", List.of(DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.ID)),
                    new DirectoryList.Order("createdAt", List.of(DIRECTORY_USER.CREATED_AT, DIRECTORY_USER.ID))),
            // Each searched index carries the display order's keys (V36): sorted by display name, a search
            // reads its matches from the indexes alone (ADR 29).
            List.of(new DirectoryList.Searched(List.of(DIRECTORY_USER.UPN_KEY, DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.ID)),
                    new DirectoryList.Searched(List.of(DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.ID)),
                    new DirectoryList.Searched(List.of(DIRECTORY_USER.GIVEN_NAME_KEY, DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.ID)),
                    new DirectoryList.Searched(List.of(DIRECTORY_USER.SURNAME_KEY, DIRECTORY_USER.DISPLAY_NAME_KEY, DIRECTORY_USER.ID))),
            List.of(DIRECTORY_USER.ID, DIRECTORY_USER.UPN, DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.GIVEN_NAME,
                    DIRECTORY_USER.SURNAME, DIRECTORY_USER.SOURCE, DIRECTORY_USER.ENABLED, DIRECTORY_USER.LOCKED,
                    DIRECTORY_USER.CREATED_AT),
            r -> new UserSummaryDto(r.get(DIRECTORY_USER.ID), r.get(DIRECTORY_USER.UPN), r.get(DIRECTORY_USER.DISPLAY_NAME),
                    r.get(DIRECTORY_USER.GIVEN_NAME), r.get(DIRECTORY_USER.SURNAME),
                    UserSource.valueOf(r.get(DIRECTORY_USER.SOURCE)), r.get(DIRECTORY_USER.ENABLED),
                    r.get(DIRECTORY_USER.LOCKED), DbTime.instant(r.get(DIRECTORY_USER.CREATED_AT))));

    /** Groups: searched by name, with their direct member counts. */
    static final DirectoryList<GroupDto> GROUPS = new DirectoryList<>(DIRECTORY_GROUP,
            List.of(new DirectoryList.Order("name", List.of(DIRECTORY_GROUP.NAME_KEY)),
                    new DirectoryList.Order("createdAt", List.of(DIRECTORY_GROUP.CREATED_AT, DIRECTORY_GROUP.ID))),
            List.of(new DirectoryList.Searched(List.of(DIRECTORY_GROUP.NAME_KEY))),
            List.of(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.NAME, DIRECTORY_GROUP.DESCRIPTION, DIRECTORY_GROUP.CREATED_AT,
                    userCount().as("user_count"), groupCount().as("group_count")),
            r -> new GroupDto(r.get(DIRECTORY_GROUP.ID), r.get(DIRECTORY_GROUP.NAME), r.get(DIRECTORY_GROUP.DESCRIPTION),
                    r.get("user_count", Integer.class), r.get("group_count", Integer.class),
                    DbTime.instant(r.get(DIRECTORY_GROUP.CREATED_AT))));

    public Page<UserSummaryDto> users(DSLContext dsl, ListQuery query) {
        return USERS.page(dsl, query);
    }

    public Page<GroupDto> groups(DSLContext dsl, ListQuery query) {
        return GROUPS.page(dsl, query);
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
}
