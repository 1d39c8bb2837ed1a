package org.opensspr.server.directorysync;

import java.util.List;

/** A group as the directory has it; {@code memberDnKeys} are its direct members' normalized DNs (users or groups). */
record SourceGroup(String anchor, String dnKey, String name, String description, List<String> memberDnKeys) {
    SourceGroup {
        description = description == null ? "" : description.strip();
        name = name == null ? "" : name.strip();
        memberDnKeys = List.copyOf(memberDnKeys);
    }
}
