package org.opensspr.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultTransactionListenerProvider;

import org.opensspr.server.files.OwnerOnlyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The server's one database: an H2 file by default, PostgreSQL by JDBC URL. Opening it migrates the
 * schema with Flyway (the same scripts jOOQ generated its code from), so code and schema agree.
 */
public final class Database implements AutoCloseable {
    /** How long a request waits for a pooled connection before it is told the server is busy. */
    public static final java.time.Duration POOL_WAIT = java.time.Duration.ofSeconds(5);
    private static final String H2_FILE_URL = "jdbc:h2:file:";
    /** The files H2 keeps beside each other for a file database: the store and the error trace. */
    private static final List<String> H2_FILE_SUFFIXES = List.of(".mv.db", ".trace.db");

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SQLDialect dialect;
    private final WorkCount work = new WorkCount();
    /** For an H2 file only: its sync and compaction (ADR 35). */
    private final H2FileUpkeep fileUpkeep;

    private Database(HikariDataSource dataSource, SQLDialect dialect, boolean h2File) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.dsl = DSL.using(new OneConnectionPerThread(dataSource), dialect, new Settings().withExecuteLogging(false));
        dsl.configuration().set(new DefaultExecuteListenerProvider(work));
        dsl.configuration().set(new DefaultTransactionListenerProvider(work));
        // Last: nothing after it may fail and leave its threads running.
        this.fileUpkeep = h2File ? H2FileUpkeep.start(dataSource).orElse(null) : null;
    }

    /**
     * The embedded default: an H2 file in the data directory. Names fold to lower case, as in PostgreSQL.
     * {@code WRITE_DELAY=0}: H2 otherwise writes commits to the file up to half a second later, so a reset
     * answered "done" could vanish with the process (ADR 11); {@link H2FileUpkeep} does what H2's writer thread
     * would have (ADR 35).
     */
    public static String h2FileUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("opensspr") + ";DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
    }

    public static Database open(String jdbcUrl, String user, String password) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        createH2FilesOwnerOnly(jdbcUrl);
        h2File(jdbcUrl).ifPresent(name -> H2CrashRecovery.recover(Path.of(name + ".mv.db")));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user == null ? "" : user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(dialect == SQLDialect.H2 ? 8 : 16);
        config.setPoolName("opensspr");
        // A request that can't get a connection soon answers "busy" (503) instead of hanging.
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations(migrationLocations(dialect)).load().migrate();
            return new Database(dataSource, dialect, h2File(jdbcUrl).isPresent());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The scripts both databases run, and for PostgreSQL also the few statements H2 can't parse
     * ({@code db/postgresql}, versioned between the shared ones, e.g. V30.1 after V30). jOOQ generates its
     * code from the shared scripts alone, so PostgreSQL-only scripts may change how a column compares but
     * never which columns exist.
     */
    static String[] migrationLocations(SQLDialect dialect) {
        return dialect == SQLDialect.POSTGRES
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
    }

    /**
     * H2 creates its files with the process umask, which commonly leaves them readable by everyone.
     * For a file URL the database and its trace file (written when H2 logs an error) are therefore
     * created empty and owner-only first: H2 opens them as they are and keeps their permissions.
     */
    private static void createH2FilesOwnerOnly(String jdbcUrl) {
        if (h2File(jdbcUrl).isEmpty()) {
            return;
        }
        String name = h2File(jdbcUrl).get();
        try {
            for (String suffix : H2_FILE_SUFFIXES) {
                OwnerOnlyFiles.createFile(Path.of(name + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Can't create the database files " + name + ".*", e);
        }
    }

    /** The file name (without {@code .mv.db}) of an H2 file URL, as H2 reads it. */
    private static java.util.Optional<String> h2File(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE_URL)) {
            return java.util.Optional.empty();
        }
        String name = jdbcUrl.substring(H2_FILE_URL.length()).split(";", 2)[0];
        return java.util.Optional.of(name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name);
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=…"));
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** The statements and transactions run so far (for the meters). */
    public WorkCount work() {
        return work;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it on any exception. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    }

    /**
     * Runs {@code work} reading one consistent snapshot of the whole database (PostgreSQL's repeatable read,
     * H2's snapshot isolation), for long reads such as verifying the audit chain while others write.
     */
    public <T> T inSnapshot(Function<DSLContext, T> work) {
        return dsl.connectionResult(connection -> {
            // The pool restores both settings when the connection goes back.
            connection.setTransactionIsolation(dialect == SQLDialect.H2 ? H2_SNAPSHOT_ISOLATION
                    : java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                T result = work.apply(DSL.using(dsl.configuration().derive(connection)));
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }

    /** H2's JDBC constant for its SNAPSHOT isolation level (one snapshot for the whole transaction). */
    private static final int H2_SNAPSHOT_ISOLATION = 6;

    public void inTransactionDo(java.util.function.Consumer<DSLContext> work) {
        dsl.transaction(configuration -> work.accept(configuration.dsl()));
    }

    /** What the embedded H2 file's upkeep found and did (ADR 35); empty for other databases. */
    public java.util.Optional<FileUpkeepFigures> fileUpkeepFigures() {
        return java.util.Optional.ofNullable(fileUpkeep).map(H2FileUpkeep::figures);
    }

    @Override
    public void close() {
        if (fileUpkeep != null) {
            fileUpkeep.close();
        }
        dataSource.close();
    }
}
