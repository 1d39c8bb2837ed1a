package org.opensspr.server.directory;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.opensspr.directory.GroupMembership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;

/**
 * Nested group membership answered by the database with one recursive query ({@code WITH RECURSIVE})
 * per question, cycle-safe on both databases:
 * <ul>
 *   <li>PostgreSQL joins the recursive step with {@code UNION}, which discards a group already found,
 *       so the recursion stops when a step finds nothing new, cycles or not.</li>
 *   <li>H2 (2.5) does not discard rows found by earlier steps under {@code UNION} (a cycle recurses until
 *       memory runs out — measured; h2database issue #4173). There each step keeps only distinct
 *       groups and the walk stops after {@value #H2_MAX_DEPTH} levels of nesting, which bounds the
 *       work by levels × groups however the groups nest.</li>
 * </ul>
 */
public final class SqlGroupMembership implements GroupMembership {
    /** How deep H2 follows nesting; real directories nest a handful of levels. */
    static final int H2_MAX_DEPTH = 64;
    /** The columns of {@link #membersOfEither}'s walk that say which list a group was found from. */
    private static final String IN_FIRST = "in_first";
    private static final String IN_SECOND = "in_second";

    private final DSLContext dsl;
    private final boolean boundedWalk;

    /** Runs in {@code dsl}: the database's context, or a transaction's. */
    public SqlGroupMembership(DSLContext dsl) {
        this.dsl = dsl;
        this.boundedWalk = dsl.dialect().family() == SQLDialect.H2;
    }

    @Override
    public boolean isMemberOfAny(String userId, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return false;
        }
        CommonTableExpression<?> groups = groupsOfUser(userId);
        return dsl.fetchExists(dsl.withRecursive(groups).selectOne().from(groups)
                .where(groupId(groups).in(groupIds)));
    }

    /** Every group the user belongs to, directly or through nesting. */
    public Set<String> groupsOf(String userId) {
        CommonTableExpression<?> groups = groupsOfUser(userId);
        return new HashSet<>(dsl.withRecursive(groups).selectDistinct(groupId(groups)).from(groups)
                .fetch(groupId(groups)));
    }

    /** Every user in any of the groups, directly or through nested groups: whom a scope covers. */
    public Set<String> usersInScope(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Set.of();
        }
        CommonTableExpression<?> scope = nestedGroups(groupIds);
        // A join from the groups found, each one's members read along the primary key (group_id, user_id): H2
        // answered "group_id IN (the walk)" by testing every membership of the directory (minutes at a million).
        return new HashSet<>(dsl.withRecursive(scope).selectDistinct(GROUP_USER_MEMBER.USER_ID).from(scope)
                .join(GROUP_USER_MEMBER).on(GROUP_USER_MEMBER.GROUP_ID.eq(groupId(scope)))
                .fetch(GROUP_USER_MEMBER.USER_ID));
    }

    /**
     * The users in the groups of either list, directly or through nested groups, each with whether a group of the
     * first and of the second list brings them in, as a query to build on: a statement that reads their rows joins
     * {@link EitherMembers#members} (declaring {@link EitherMembers#walk} in its {@code WITH RECURSIVE}) instead of
     * sending their ids back to the database (ADR 31). One walk for both lists, so a user in both comes once per
     * path, not once per list (two walks joined twice as many rows and H2 kept their union in a temporary result).
     *
     * @param walkName the walk's name in the statement
     */
    public EitherMembers membersOfEither(String walkName, Collection<String> first, Collection<String> second) {
        Set<String> seeds = new LinkedHashSet<>(first);
        seeds.addAll(second);
        Field<Integer> inFirst = when(DIRECTORY_GROUP.ID.in(first), inline(1)).otherwise(inline(0));
        Field<Integer> inSecond = when(DIRECTORY_GROUP.ID.in(second), inline(1)).otherwise(inline(0));
        return new EitherMembers(walk(walkName, DIRECTORY_GROUP, DIRECTORY_GROUP.ID, DIRECTORY_GROUP.ID.in(seeds),
                GROUP_GROUP_MEMBER.GROUP_ID, GROUP_GROUP_MEMBER.MEMBER_GROUP_ID,
                List.of(inFirst.as(IN_FIRST), inSecond.as(IN_SECOND))));
    }

    /** @param walk the groups found through the nesting, each with the lists it came from, for the {@code WITH RECURSIVE} */
    public record EitherMembers(CommonTableExpression<?> walk) {
        /** The walk's groups joined to their user members: a user member of two groups found comes twice. */
        public Table<?> members() {
            return walk.join(GROUP_USER_MEMBER).on(GROUP_USER_MEMBER.GROUP_ID.eq(groupId(walk)));
        }

        public Field<String> userId() {
            return GROUP_USER_MEMBER.USER_ID;
        }

        /** 1 when the member's group was found from a group of the first list, else 0. */
        public Field<Integer> inFirst() {
            return walk.field(IN_FIRST, Integer.class);
        }

        /** 1 when the member's group was found from a group of the second list, else 0. */
        public Field<Integer> inSecond() {
            return walk.field(IN_SECOND, Integer.class);
        }
    }

    /** How many users {@link #usersInScope} would return, counted by the database. */
    public int countUsersInScope(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return 0;
        }
        CommonTableExpression<?> scope = nestedGroups(groupIds);
        return dsl.withRecursive(scope).selectCount()
                .from(selectDistinct(GROUP_USER_MEMBER.USER_ID).from(scope)
                        .join(GROUP_USER_MEMBER).on(GROUP_USER_MEMBER.GROUP_ID.eq(groupId(scope))))
                .fetchOne(0, int.class);
    }

    /** Every user in the group, directly or through nested groups. */
    public Set<String> membersOf(String groupId) {
        return usersInScope(List.of(groupId));
    }

    /**
     * Which of {@code candidates} are the group itself or hold it through nesting, at any depth: the groups of an
     * SSPR scope that bring a group's members in. The walk goes upwards from the one group, as far as its
     * ancestors reach (bounded like every walk here), and only the candidates are read back.
     */
    public Set<String> holdersAmong(String groupId, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        CommonTableExpression<?> holders = walk("holders", DIRECTORY_GROUP, DIRECTORY_GROUP.ID,
                DIRECTORY_GROUP.ID.eq(groupId), GROUP_GROUP_MEMBER.MEMBER_GROUP_ID, GROUP_GROUP_MEMBER.GROUP_ID);
        return new HashSet<>(dsl.withRecursive(holders).selectDistinct(groupId(holders)).from(holders)
                .where(groupId(holders).in(candidates)).fetch(groupId(holders)));
    }

    /** The user's groups, then every group that contains one of them, and so on upwards. */
    private CommonTableExpression<?> groupsOfUser(String userId) {
        return walk("ancestors", GROUP_USER_MEMBER, GROUP_USER_MEMBER.GROUP_ID, GROUP_USER_MEMBER.USER_ID.eq(userId),
                GROUP_GROUP_MEMBER.MEMBER_GROUP_ID, GROUP_GROUP_MEMBER.GROUP_ID);
    }

    /** The given groups that exist, then every group nested in one of them, and so on downwards. */
    private CommonTableExpression<?> nestedGroups(Collection<String> groupIds) {
        return walk("scope", DIRECTORY_GROUP, DIRECTORY_GROUP.ID, DIRECTORY_GROUP.ID.in(groupIds),
                GROUP_GROUP_MEMBER.GROUP_ID, GROUP_GROUP_MEMBER.MEMBER_GROUP_ID);
    }

    private CommonTableExpression<?> walk(String cteName, Table<?> seedTable, Field<String> seedGroup,
                                          Condition seedCondition, Field<String> edgeFrom, Field<String> edgeTo) {
        return walk(cteName, seedTable, seedGroup, seedCondition, edgeFrom, edgeTo, List.of());
    }

    /**
     * {@code name(group_id[, carried…][, depth])}: the seed groups, then along group_group_member edges from
     * {@code edgeFrom} (a group already found) to {@code edgeTo} (the group found next). {@code carried}: columns
     * computed for each seed (aliased: their names are the walk's) that every group found from it keeps.
     */
    private CommonTableExpression<?> walk(String cteName, Table<?> seedTable, Field<String> seedGroup,
                                          Condition seedCondition, Field<String> edgeFrom, Field<String> edgeTo,
                                          List<Field<?>> carried) {
        Table<?> self = table(name(cteName));
        Field<String> selfGroup = field(name(cteName, "group_id"), String.class);
        List<String> names = new ArrayList<>(List.of("group_id"));
        List<Field<?>> seedColumns = new ArrayList<>(List.of(seedGroup));
        List<Field<?>> stepColumns = new ArrayList<>(List.of(edgeTo));
        for (Field<?> column : carried) {
            names.add(column.getName());
            seedColumns.add(column);
            stepColumns.add(field(name(cteName, column.getName())));
        }
        if (!boundedWalk) {
            return name(cteName).fields(names.toArray(String[]::new)).as(select(seedColumns).from(seedTable)
                    .where(seedCondition)
                    .union(select(stepColumns).from(GROUP_GROUP_MEMBER).join(self).on(edgeFrom.eq(selfGroup))));
        }
        Field<Integer> selfDepth = field(name(cteName, "depth"), Integer.class);
        names.add("depth");
        seedColumns.add(inline(0));
        stepColumns.add(selfDepth.plus(inline(1)));
        Select<Record> steps = select(seedColumns).from(seedTable).where(seedCondition)
                .unionAll(selectDistinct(stepColumns).from(GROUP_GROUP_MEMBER)
                        .join(self).on(edgeFrom.eq(selfGroup))
                        .where(selfDepth.lt(inline(H2_MAX_DEPTH))));
        return name(cteName).fields(names.toArray(String[]::new)).as(steps);
    }

    private static Field<String> groupId(CommonTableExpression<?> cte) {
        return cte.field("group_id", String.class);
    }
}
