package org.opensspr.api;

/** One kind of change a directory sync makes (or, in a dry run, would make). */
public enum DirectorySyncChangeKind {
    ADD_USER, UPDATE_USER, DELETE_USER,
    ADD_GROUP, UPDATE_GROUP, DELETE_GROUP,
    ADD_MEMBER, REMOVE_MEMBER,
    /** An object the sync may not take: a cloud user with the same UPN, a group name taken by another group. */
    CONFLICT,
    /** A directory entry that can't be stored (no UPN, a name too long); nothing changed for it. */
    SKIPPED
}
