package org.opensspr.server.api;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.opensspr.server.db.DefaultSchema;

import java.util.Map;
import java.util.TreeMap;

/** Every row of every table, as text, to prove a rejected request changed nothing. */
final class TableSnapshot {
    private TableSnapshot() {
    }

    static Map<String, String> of(DSLContext dsl) {
        Map<String, String> snapshot = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (table.getName().startsWith("flyway")) {
                continue;
            }
            snapshot.put(table.getName(), dsl.selectFrom(table).orderBy(table.fields()).fetch().formatCSV());
        }
        return snapshot;
    }
}
