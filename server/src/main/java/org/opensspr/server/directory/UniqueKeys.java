package org.opensspr.server.directory;

import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

import java.util.function.Supplier;

/**
 * The services check names and UPNs before writing; two concurrent writes can still both pass the check,
 * and then the database's unique constraint refuses one. That refusal is a conflict, not a server error.
 */
final class UniqueKeys {
    private UniqueKeys() {
    }

    /** Runs {@code write}; a unique or foreign key violation becomes CONFLICT with {@code conflictMessage}. */
    static <T> T guard(String conflictMessage, Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw Problems.conflict(conflictMessage);
            }
            throw e;
        }
    }
}
