package org.opensspr.directory;

import java.util.Objects;
import java.util.Set;

/** A group; members are users and other groups (nesting may even form cycles, which membership survives). */
public record Group(String id, String name, Set<String> memberUserIds, Set<String> memberGroupIds) {
    public Group {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        memberUserIds = memberUserIds == null ? Set.of() : Set.copyOf(memberUserIds);
        memberGroupIds = memberGroupIds == null ? Set.of() : Set.copyOf(memberGroupIds);
    }
}
