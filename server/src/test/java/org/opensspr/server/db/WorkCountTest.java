package org.opensspr.server.db;

import org.opensspr.server.testing.OnBothDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;

/** The database's work as the meters count it: every statement, and each transaction that committed. */
class WorkCountTest {

    @OnBothDatabases
    void countsStatementsAndTheTransactionsThatCommitted(Database db) {
        long statements = db.work().statements();
        long transactions = db.work().transactions();

        db.inTransactionDo(tx -> {
            tx.fetchCount(DIRECTORY_GROUP);
            tx.fetchCount(DIRECTORY_GROUP);
        });
        db.dsl().fetchCount(DIRECTORY_GROUP);
        assertThatThrownBy(() -> db.inTransactionDo(tx -> {
            tx.fetchCount(DIRECTORY_GROUP);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        db.inSnapshot(tx -> tx.fetchCount(DIRECTORY_GROUP));

        assertThat(db.work().statements() - statements).isEqualTo(5);
        assertThat(db.work().transactions() - transactions).as("the first only: a rollback and a snapshot's read aren't")
                .isEqualTo(1);
    }
}
