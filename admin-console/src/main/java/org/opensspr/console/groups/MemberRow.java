package org.opensspr.console.groups;

import org.opensspr.api.GroupMemberDto;

import java.util.List;

/** A row of a group's members tree: a member, or a row standing for members not read yet. */
public sealed interface MemberRow {

    /**
     * A user or a nested group.
     *
     * @param inScopeThrough the names of the SSPR scope's groups that hold this member along the path shown
     *                       (empty: the path brings it into no selected group)
     * @param direct         whether it is a direct member of the group shown (only those can be removed here)
     */
    record Member(GroupMemberDto member, List<String> inScopeThrough, boolean direct) implements MemberRow {
        public Member {
            inScopeThrough = List.copyOf(inScopeThrough);
        }

        public boolean isGroup() {
            return member.kind() == GroupMemberDto.Kind.GROUP;
        }
    }

    /** More members follow: choosing this row reads the next page. */
    record More(long shown, long total) implements MemberRow {
    }

    /** The members of a group being read. */
    record Loading() implements MemberRow {
    }
}
