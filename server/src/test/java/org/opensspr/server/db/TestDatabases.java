package org.opensspr.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests: an in-memory H2 or a new database inside one embedded
 * PostgreSQL shared by the whole test run (started on first use, stopped at JVM exit).
 */
public enum TestDatabases {
    H2, POSTGRES;

    public Database fresh() {
        return switch (this) {
            case H2 -> Database.open("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                    + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRES -> freshPostgres();
        };
    }

    private static Database freshPostgres() {
        return Database.open(freshPostgresUrl(), "postgres", "");
    }

    /** A JDBC URL to a new, empty database in the shared embedded PostgreSQL (user postgres, no password). */
    public static String freshPostgresUrl() {
        return freshPostgresUrl("");
    }

    /**
     * A fresh, migrated PostgreSQL database whose CREATE DATABASE adds {@code options}, e.g. a linguistic
     * collation as production databases have ({@link #LINGUISTIC_COLLATION}); the shared one's is C.UTF-8.
     */
    public static Database freshPostgres(String options) {
        return Database.open(freshPostgresUrl(options), "postgres", "");
    }

    /** CREATE DATABASE options for an ICU en-US collation (a btree on such text can't answer LIKE 'x%'). */
    public static final String LINGUISTIC_COLLATION = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            + " LOCALE 'C.UTF-8'";

    private static String freshPostgresUrl(String options) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        EmbeddedPostgres postgres = SharedPostgres.INSTANCE;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (options.isEmpty() ? "" : " " + options));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database", e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static final class SharedPostgres {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; nothing left to do
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
    }
}
