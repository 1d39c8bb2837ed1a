package org.opensspr.server.db;

import org.opensspr.server.testing.OnBothDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;

/**
 * The database refuses a second connection to a thread that holds one: the pattern that stopped the
 * server under load (every pooled connection held by a request waiting for another). Any code that does
 * it fails this way in every test that reaches it, not only under load.
 */
class OneConnectionPerThreadTest {

    @OnBothDatabases
    void aQueryOutsideTheTransactionInsideItIsRefused(Database db) {
        assertThatThrownBy(() -> db.inTransaction(tx -> db.dsl().fetchCount(DIRECTORY_GROUP)))
                .satisfies(OneConnectionPerThreadTest::isNested);
        assertThatThrownBy(() -> db.inTransaction(tx -> db.inTransaction(inner -> inner.fetchCount(DIRECTORY_GROUP))))
                .satisfies(OneConnectionPerThreadTest::isNested);

        assertThat(db.dsl().fetchCount(DIRECTORY_GROUP)).as("the thread can go on afterwards").isZero();
        int inside = db.inTransaction(tx -> tx.fetchCount(DIRECTORY_GROUP));
        assertThat(inside).isZero();
    }

    private static void isNested(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OneConnectionPerThread.NestedConnectionException) {
                return;
            }
        }
        throw new AssertionError("not a refused nested acquisition", thrown);
    }

    @OnBothDatabases
    void oneAfterTheOtherIsFine(Database db) {
        for (int i = 0; i < 50; i++) {
            db.inTransactionDo(tx -> tx.fetchCount(DIRECTORY_GROUP));
            assertThat(db.dsl().fetchCount(DIRECTORY_GROUP)).isZero();
        }
    }
}
