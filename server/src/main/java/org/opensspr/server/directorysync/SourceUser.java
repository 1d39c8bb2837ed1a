package org.opensspr.server.directorysync;

import org.opensspr.server.directory.UserDraft;

/** A user as the directory has it: its immutable anchor, its DN (normalized) and its attributes as a draft. */
record SourceUser(String anchor, String dnKey, UserDraft draft) {
}
