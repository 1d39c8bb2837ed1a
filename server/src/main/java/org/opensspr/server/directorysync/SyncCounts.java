package org.opensspr.server.directorysync;

import org.opensspr.api.DirectorySyncChangeDto;

import java.util.List;

/** How many changes of each kind a run made (or, dry, would make). */
record SyncCounts(int usersAdded, int usersUpdated, int usersDeleted, int groupsAdded, int groupsUpdated,
                  int groupsDeleted, int membersAdded, int membersRemoved, int conflicts, int skipped) {

    static SyncCounts of(List<DirectorySyncChangeDto> changes) {
        int[] n = new int[10];
        for (DirectorySyncChangeDto change : changes) {
            n[change.kind().ordinal()]++;
        }
        // DirectorySyncChangeKind's order: ADD_USER, UPDATE_USER, DELETE_USER, ADD_GROUP, UPDATE_GROUP,
        // DELETE_GROUP, ADD_MEMBER, REMOVE_MEMBER, CONFLICT, SKIPPED
        return new SyncCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9]);
    }

    /** For the audit entry: counts only, never a name or a value. */
    String summary() {
        return "users +" + usersAdded + " ~" + usersUpdated + " -" + usersDeleted + "; groups +" + groupsAdded + " ~"
                + groupsUpdated + " -" + groupsDeleted + "; memberships +" + membersAdded + " -" + membersRemoved
                + "; conflicts " + conflicts + "; skipped " + skipped;
    }
}
