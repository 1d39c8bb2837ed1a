package org.opensspr.server.db;

import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;

class DatabaseTest {

    @ParameterizedTest
    @MethodSource("org.opensspr.server.db.TestDatabases#both")
    void migratesAndRollsBackAFailedTransaction(TestDatabases kind) {
        try (Database db = kind.fresh()) {
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
