package org.opensspr.server.impact;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupMembership;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.directory.DirectorySnapshot;
import org.opensspr.server.directory.SqlGroupMembership;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.select;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * The only users a preview can find anything about when neither policy covers everyone: those in a group of
 * either scope, and the administrators, whom the administrator policy scopes (anyone else is out of scope
 * before and after, and scope comes first in every question the preview asks). Each scope group's members are
 * expanded through the nesting by the database, once, and answer the engines' membership questions; only these
 * users are read (ADR 29), with one statement that joins the walk of the scopes to their rows (ADR 31).
 *
 * @param users      the enabled users in either scope
 * @param membership membership in the scopes' groups
 */
record ScopedUsers(List<DirectoryUser> users, GroupMembership membership) {

    /** Empty when either policy's scope is everyone: then every user is read. */
    static Optional<ScopedUsers> load(DSLContext tx, SsprPolicy current, SsprPolicy proposed) {
        if (current.scope().scope() == SsprScope.ALL || proposed.scope().scope() == SsprScope.ALL) {
            return Optional.empty();
        }
        Set<String> groups = new HashSet<>();
        groups.addAll(groupsOf(current));
        groups.addAll(groupsOf(proposed));
        SqlGroupMembership sql = new SqlGroupMembership(tx);
        Map<String, Set<String>> members = sql.membersOfEach(groups);
        GroupMembership membership = (userId, groupIds) -> groupIds.stream()
                .anyMatch(g -> members.getOrDefault(g, Set.of()).contains(userId));
        SqlGroupMembership.Members inEither = sql.members(groups);
        // Administrators are in or out of scope by the administrator policy, whatever their groups.
        var everyone = inEither.userIds().unionAll(select(USER_ROLE.USER_ID).from(USER_ROLE));
        return Optional.of(new ScopedUsers(DirectorySnapshot.enabledUsersAmong(tx, inEither.walk(), everyone),
                membership));
    }

    private static Collection<String> groupsOf(SsprPolicy policy) {
        return policy.scope().scope() == SsprScope.SELECTED ? policy.scope().groupIds() : List.of();
    }
}
