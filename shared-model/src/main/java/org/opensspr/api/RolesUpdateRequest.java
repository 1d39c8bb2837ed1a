package org.opensspr.api;

import java.util.List;

/** Replaces a user's administrator roles; role names as in {@code org.opensspr.directory.Role}; empty removes all. */
public record RolesUpdateRequest(List<String> roles) {
}
