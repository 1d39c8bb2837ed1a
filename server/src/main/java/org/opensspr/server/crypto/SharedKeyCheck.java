package org.opensspr.server.crypto;

import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;

import java.time.Instant;

import static org.opensspr.server.db.Tables.SERVER_KEY_CHECK;

/**
 * Every server on one database must hold the same secret key (ADR 30): what one seals (TOTP seeds, codes in the
 * outbox), fingerprints (codes, wrong passwords) or links into the audit chain, the others must open and verify.
 * The first server to start records a keyed hash of a fixed text (it tells nothing of the key); a server whose
 * key gives another hash refuses to start, before it has written anything under its key.
 */
public final class SharedKeyCheck {
    static final String PURPOSE = "server-key-check";
    private static final String CHECKED_TEXT = "Every server on this database holds this key.";
    private static final int ROW = 1;

    private SharedKeyCheck() {
    }

    /** Records this key's check on a database that has none; throws when the database's check is another key's. */
    public static void require(Database database, SecretBox secrets, Instant now) {
        String mine = secrets.keyedHash(PURPOSE).hex(CHECKED_TEXT);
        String recorded = recorded(database);
        if (recorded == null) {
            try {
                database.inTransactionDo(tx -> tx.insertInto(SERVER_KEY_CHECK)
                        .set(SERVER_KEY_CHECK.ID, ROW)
                        .set(SERVER_KEY_CHECK.FINGERPRINT, mine)
                        .set(SERVER_KEY_CHECK.CREATED_AT, DbTime.of(now))
                        .execute());
                return;
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
                recorded = recorded(database); // another server, starting at the same moment, recorded first
            }
        }
        if (!mine.equals(recorded)) {
            throw new IllegalStateException("This database is used by servers with another secret key than this"
                    + " server's (secret.key in its data directory, or " + SecretBox.ENVIRONMENT_VARIABLE + "). Every"
                    + " server sharing a database needs the same key: copy it from one that runs. Only if that key is"
                    + " lost for good, delete the row of server_key_check to let this key take over; then every"
                    + " sealed secret (authenticator seeds) is unreadable and the audit chain breaks at this point.");
        }
    }

    private static String recorded(Database database) {
        return database.dsl().select(SERVER_KEY_CHECK.FINGERPRINT).from(SERVER_KEY_CHECK)
                .where(SERVER_KEY_CHECK.ID.eq(ROW)).fetchOne(SERVER_KEY_CHECK.FINGERPRINT);
    }
}
