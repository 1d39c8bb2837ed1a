package org.opensspr.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Condition;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.api.Json;
import org.opensspr.server.db.Database;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;

import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/**
 * Writes the audit events a query selects, oldest first, as JSON Lines or CSV while they are sent. Reads them
 * 1,000 at a time after the last one written (by id), each batch its own short read, so neither the server's
 * memory nor a database connection is held for the length of the download. Events written after the export
 * began are not in it.
 */
public final class AuditExport {
    static final int BATCH = 1_000;
    private static final List<String> CSV_HEADER = List.of("id", "occurredAt", "activity", "actor", "target",
            "kioskId", "result", "failureReason", "details", "method");
    private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private final Database database;
    private final ObjectMapper json = Json.newMapper();

    public AuditExport(Database database) {
        this.database = database;
    }

    public void write(AuditQuery query, AuditExportFormat format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (format == AuditExportFormat.CSV) {
            writeCsvRow(writer, CSV_HEADER);
        }
        Condition where = AuditLog.conditionOf(query);
        Long newest = database.dsl().select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne().value1();
        long after = Long.MIN_VALUE;
        List<AuditEventDto> batch;
        do {
            long from = after;
            batch = newest == null ? List.of() : database.dsl().selectFrom(AUDIT_EVENT)
                    .where(where).and(AUDIT_EVENT.ID.gt(from)).and(AUDIT_EVENT.ID.le(newest))
                    .orderBy(AUDIT_EVENT.ID).limit(BATCH).fetch(AuditLog::toDto);
            for (AuditEventDto event : batch) {
                if (format == AuditExportFormat.CSV) {
                    writeCsvRow(writer, csvCells(event));
                } else {
                    writer.write(json.writeValueAsString(event));
                    writer.write('\n');
                }
                after = event.id();
            }
        } while (batch.size() == BATCH);
        writer.flush();
    }

    private static List<String> csvCells(AuditEventDto event) {
        return List.of(String.valueOf(event.id()), INSTANT.format(event.occurredAt()), event.activity().entraName(),
                event.actor(), event.target(), event.kioskId() == null ? "" : event.kioskId(), event.result().name(),
                event.failureReason(), event.details(), event.method() == null ? "" : event.method().name());
    }

    private static void writeCsvRow(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvCell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * One RFC 4180 cell. Text a user typed (an actor is whatever was entered at the kiosk) could start a formula
     * in the spreadsheet an administrator opens the file with; such a cell gets a leading apostrophe.
     */
    static String csvCell(String text) {
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
