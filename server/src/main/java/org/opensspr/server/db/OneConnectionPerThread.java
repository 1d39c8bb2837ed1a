package org.opensspr.server.db;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out pooled connections, at most one per thread at a time. A thread that asks for a second one
 * while it holds one (a query on {@code database.dsl()} inside a transaction, or a transaction inside
 * another) is refused at once: under load, n such threads each hold a connection and wait for another,
 * and a pool of n stops. Work inside a transaction must use the transaction's {@code DSLContext}.
 */
final class OneConnectionPerThread implements ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Connection> held = new ThreadLocal<>();

    OneConnectionPerThread(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
        if (held.get() != null) {
            throw new NestedConnectionException();
        }
        try {
            Connection connection = dataSource.getConnection();
            held.set(connection);
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("No database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        if (held.get() == connection) {
            held.remove();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Could not return a database connection: " + e.getMessage(), e);
        }
    }

    /** A bug: the code asked for a second connection while its thread held one. */
    static final class NestedConnectionException extends IllegalStateException {
        NestedConnectionException() {
            super("A second database connection was requested while this thread holds one; "
                    + "pass the transaction's DSLContext down instead");
        }
    }
}
