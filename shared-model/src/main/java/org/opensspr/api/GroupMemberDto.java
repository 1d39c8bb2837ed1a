package org.opensspr.api;

/**
 * A direct member of a group: a user (name = UPN, detail = display name) or a nested group
 * (name = group name, detail = description).
 */
public record GroupMemberDto(Kind kind, String id, String name, String detail) {

    public enum Kind {
        GROUP, USER
    }
}
