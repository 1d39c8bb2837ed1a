package org.opensspr.server.api;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.opensspr.server.db.DefaultSchema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.opensspr.server.db.Tables.AUDIT_CHAIN_HEAD;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Every row of every table, as text, to prove a rejected request changed nothing. Left out is what the audit sealer
 * writes in the background every two seconds, which no request causes: the chain's links (ADR 20), the insights
 * rollups it counts while linking, and the pending reset durations it consumes then (ADR 22; each belongs to an
 * audit event, which the snapshot still compares).
 */
final class TableSnapshot {
    private TableSnapshot() {
    }

    static Map<String, String> of(DSLContext dsl) {
        Map<String, String> snapshot = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (table.getName().startsWith("flyway") || table.getName().equals(AUDIT_CHAIN_HEAD.getName())
                    || table.getName().startsWith("insights_")) {
                continue;
            }
            List<Field<?>> fields = Arrays.stream(table.fields())
                    .filter(field -> !(table.getName().equals(AUDIT_EVENT.getName())
                            && field.getName().startsWith("chain_")))
                    .toList();
            snapshot.put(table.getName(), dsl.select(fields).from(table).orderBy(fields).fetch().formatCSV());
        }
        return snapshot;
    }
}
