package org.opensspr.server.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A group's own row, as stored. */
public record GroupRow(String id, String name, String description, Instant createdAt) {
    public GroupRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The case-folded name that makes group names unique regardless of case. */
    public String nameKey() {
        return nameKeyOf(name);
    }

    public static String nameKeyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
