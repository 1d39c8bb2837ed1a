package org.opensspr.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A database loaded once for a benchmark and kept on disk for every later trial and run: H2 as the embedded
 * default's file database, or an embedded PostgreSQL whose database has an ICU en-US collation. The data lives
 * in {@code bench/target/<name>/<database>-<size>/} (or under the {@code opensspr.bench.data} property); a
 * file "loaded" marks a finished load, so a broken one is noticed instead of measured. Delete it to reload.
 */
final class ScaleData implements AutoCloseable {
    /**
     * H2 hands back a statement's previous result when the same text runs again on an unchanged database;
     * a benchmark asking one page over and over would time that. Without its cache of parsed statements it
     * can't (a live server's tables change between requests anyway).
     */
    static final String NO_REUSED_RESULTS = ";QUERY_CACHE_SIZE=0";

    private final EmbeddedPostgres postgres;
    private final Database database;

    private ScaleData(EmbeddedPostgres postgres, Database database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Opens (and migrates) the data of {@code name} and {@code size}, calling {@code load} the first time. */
    static ScaleData open(String name, String database, String size, Consumer<Database> load) {
        Path data = Path.of(System.getProperty("opensspr.bench.data", "bench/target")).resolve(name)
                .resolve(database.toLowerCase(Locale.ROOT) + "-" + size);
        try {
            Files.createDirectories(data);
            EmbeddedPostgres postgres = null;
            Database db;
            if (database.equals("H2")) {
                db = Database.open(Database.h2FileUrl(data) + NO_REUSED_RESULTS, null, null);
            } else {
                postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pgdata"))
                        .setCleanDataDirectory(false).start();
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'scale'")) {
                    if (!r.next()) {
                        s.execute("CREATE DATABASE scale " + TestDatabases.LINGUISTIC_COLLATION);
                    }
                }
                db = Database.open(postgres.getJdbcUrl("postgres", "scale"), "postgres", "");
            }
            Path loaded = data.resolve("loaded");
            if (!Files.exists(loaded)) {
                if (Files.exists(data.resolve("loading"))) {
                    throw new IllegalStateException("A load into " + data + " was broken off; delete the directory");
                }
                Files.writeString(data.resolve("loading"), "");
                load.accept(db);
                Files.move(data.resolve("loading"), loaded);
            }
            return new ScaleData(postgres, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
