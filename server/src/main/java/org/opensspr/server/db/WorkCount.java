package org.opensspr.server.db;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

import java.util.concurrent.atomic.LongAdder;

/**
 * How much the server asked of its database: statements run and transactions committed through jOOQ. Divided by
 * resets, what a reset costs the database (the load generator reports it; docs/performance.md).
 */
public final class WorkCount implements ExecuteListener, TransactionListener {
    private final LongAdder statements = new LongAdder();
    private final LongAdder transactions = new LongAdder();

    @Override
    public void executeEnd(ExecuteContext ctx) {
        statements.increment();
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        transactions.increment();
    }

    public long statements() {
        return statements.sum();
    }

    /** Transactions of {@link Database#inTransaction} and its kin that committed (a single statement outside one isn't counted). */
    public long transactions() {
        return transactions.sum();
    }
}
