package org.opensspr.server.directorysync;

import java.util.List;
import java.util.Set;

/**
 * What one run read from the directory.
 *
 * @param complete      a full read: every user and group in scope, so whatever synced object is missing vanished
 * @param gone          a delta's anchors of objects deleted (AD tombstones) or moved out of the base DN
 * @param cursor        where the next delta starts
 * @param entriesRead   every entry the directory returned (users, groups, other objects, tombstones)
 */
record DirectoryBatch(boolean complete, List<SourceUser> users, List<SourceGroup> groups, Set<String> gone,
                      SyncCursor cursor, int entriesRead) {
}
