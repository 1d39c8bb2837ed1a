package org.opensspr.server.directory;

import org.opensspr.directory.Role;

import java.util.List;
import java.util.Set;

/** A valid row of a user import: the user, the names of the groups to put them in, and their roles. */
public record ImportRow(int line, UserDraft user, List<String> groupNames, Set<Role> roles) {
    public ImportRow {
        groupNames = List.copyOf(groupNames);
        roles = Set.copyOf(roles);
    }
}
