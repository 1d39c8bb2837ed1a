package org.opensspr.server.directory;

import java.util.List;

/** One record of a CSV file and the line it starts on (from 1; a quoted value may span lines). */
public record CsvRecord(int line, List<String> fields) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }

    /** An empty line: one empty, unquoted value. */
    public boolean isBlank() {
        return fields.size() == 1 && fields.getFirst().isEmpty();
    }
}
