package org.opensspr.server.delivery;

import org.jooq.DSLContext;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.api.Page;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;

import java.util.List;
import java.util.Objects;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * The embedded default's outbox as a Global Administrator reads it: the messages as their recipients would
 * receive them, newest first. The list is the newest {@link #LISTED} messages, so no page reads further along
 * the primary key than that, however long the outbox. Each read is audited: the messages hold live codes.
 */
public final class OutboxReader {
    /** How many of the newest messages the list holds. */
    public static final int LISTED = 10_000;

    private final Database database;
    private final Outbox outbox;
    private final AuditLog audit;

    public OutboxReader(Database database, Outbox outbox, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Page {@code page} (from 0) of {@code size} messages, newest first, read by {@code reader} (audited). */
    public Page<OutboxMessageDto> page(int page, int size, String reader) {
        long offset = (long) page * size;
        return database.inTransaction(tx -> {
            List<OutboxMessageDto> items = offset >= LISTED ? List.of()
                    : tx.selectFrom(OUTBOX_MESSAGE).orderBy(OUTBOX_MESSAGE.ID.desc())
                    .limit(Math.min(size, LISTED - offset)).offset(offset).fetch(outbox::asReceived);
            audit.append(tx, AuditEntry.success(AuditActivity.OUTBOX_READ, reader, "outbox")
                    .withDetails(items.isEmpty() ? "page " + page + ": no messages"
                            : "page " + page + ": messages " + items.getLast().id() + "–" + items.getFirst().id()));
            return new Page<>(items, listedCount(tx), page, size);
        });
    }

    /** All messages up to {@link #LISTED}: counting stops there. */
    private static long listedCount(DSLContext tx) {
        return tx.fetchValue(tx.select(count()).from(select(inline(1).as("one")).from(OUTBOX_MESSAGE)
                .limit(inline(LISTED)).asTable("listed")));
    }
}
