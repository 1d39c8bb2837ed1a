package org.opensspr.api;

import java.time.Instant;

/** A group with how many users and groups it holds directly. */
public record GroupDto(String id, String name, String description, long memberUserCount, long memberGroupCount,
                       Instant createdAt) {
}
