package org.opensspr.api;

/** A group named by id and name, e.g. in a user's list of groups. */
public record GroupRefDto(String id, String name) {
}
