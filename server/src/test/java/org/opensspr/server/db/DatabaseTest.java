package org.opensspr.server.db;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.files.FileModes;
import org.opensspr.server.testing.OnBothDatabases;

import java.nio.file.Path;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;

class DatabaseTest {

    @OnBothDatabases
    void migratesAndRollsBackAFailedTransaction(Database db) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        db.inTransactionDo(tx -> insertGroup(tx, "g1", "Pilot", now));

        assertThatThrownBy(() -> db.inTransactionDo(tx -> {
            insertGroup(tx, "g2", "Sales", now);
            insertGroup(tx, "g3", "pilot", now); // same name key: violates the unique constraint
        })).isInstanceOf(RuntimeException.class);

        assertThat(db.dsl().fetchCount(DIRECTORY_GROUP)).isEqualTo(1);
        assertThat(db.dsl().selectFrom(DIRECTORY_GROUP).fetchOne().getCreatedAt().toInstant())
                .isEqualTo(now.toInstant());
    }

    @Test
    void anH2FileDatabaseAndTheTraceH2WritesBesideItAreOwnerOnly(@TempDir Path scratch) {
        FileModes.assumePermissiveUmask(scratch);
        Path data = scratch.resolve("data"); // missing yet: made owner-only with the files
        try (Database db = Database.open("jdbc:h2:file:" + data.resolve("opensspr") + ";DATABASE_TO_LOWER=TRUE",
                "sa", "")) {
            assertThatThrownBy(() -> db.dsl().fetch("SELECT * FROM no_such_table")).isInstanceOf(DataAccessException.class);

            assertThat(data.resolve("opensspr.trace.db")).as("H2 logged the error").isNotEmptyFile();
            assertThat(FileModes.of(data)).containsOnlyKeys(".", "opensspr.mv.db", "opensspr.trace.db");
            assertThat(FileModes.notOwnerOnly(data)).isEmpty();
        }
        assertThat(FileModes.notOwnerOnly(data)).isEmpty();
    }

    private static void insertGroup(DSLContext tx, String id, String name, OffsetDateTime at) {
        tx.insertInto(DIRECTORY_GROUP)
                .set(DIRECTORY_GROUP.ID, id)
                .set(DIRECTORY_GROUP.NAME, name)
                .set(DIRECTORY_GROUP.NAME_KEY, name.toLowerCase(java.util.Locale.ROOT))
                .set(DIRECTORY_GROUP.CREATED_AT, at)
                .execute();
    }
}
