package org.opensspr.server.directorysync;

import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserRow;

import java.util.ArrayList;
import java.util.List;

/** Everything one run changes, computed before anything is written; a dry run stops here. */
final class SyncPlan {
    /** A new synced user or group: its row and its anchor. */
    record Added<T>(Anchor anchor, T row) {
    }

    /** A synced object whose attributes (or DN) changed; {@code adopt}: an on-premises user matched by UPN. */
    record Updated<T>(Anchor anchor, T before, T after, boolean adopt) {
    }

    record Membership(String groupId, String memberId, boolean memberIsGroup) {
    }

    final List<Added<UserRow>> userAdds = new ArrayList<>();
    final List<Updated<UserRow>> userUpdates = new ArrayList<>();
    final List<UserRow> userDeletes = new ArrayList<>();
    final List<Added<GroupRow>> groupAdds = new ArrayList<>();
    final List<Updated<GroupRow>> groupUpdates = new ArrayList<>();
    final List<GroupRow> groupDeletes = new ArrayList<>();
    /** Known objects whose only change is their DN (renamed or moved within the base DN). */
    final List<Anchor> moves = new ArrayList<>();
    final List<Membership> memberAdds = new ArrayList<>();
    final List<Membership> memberRemoves = new ArrayList<>();
    final List<DirectorySyncChangeDto> changes = new ArrayList<>();

    SyncCounts counts() {
        return SyncCounts.of(changes);
    }
}
