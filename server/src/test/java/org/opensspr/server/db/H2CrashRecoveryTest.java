package org.opensspr.server.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 11, "what we acknowledge is durable", against a file H2 itself wrote and a SIGKILL left behind
 * (resources {@code crash/}): a normal open misses acknowledged commits; after {@link H2CrashRecovery} every
 * one of them is there. A database closed cleanly is left alone.
 */
class H2CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aNormalOpenOfTheKilledDatabaseMissesAcknowledgedCommits() throws Exception {
        Path plain = killedDatabase("plain");

        assertThat(missing(plain)).as("the fixture shows H2's behaviour").isNotEmpty();
    }

    @Test
    void afterRecoveryEveryAcknowledgedCommitIsThere() throws Exception {
        Path recovered = killedDatabase("recovered");

        assertThat(H2CrashRecovery.recover(recovered.resolveSibling("recovered.mv.db"))).isTrue();
        assertThat(missing(recovered)).isEmpty();
        assertThat(H2CrashRecovery.recover(recovered.resolveSibling("recovered.mv.db")))
                .as("once recovered, and closed cleanly, nothing more to do").isFalse();
    }

    @Test
    void aCleanlyClosedOrMissingDatabaseIsLeftAlone() throws Exception {
        Path name = dir.resolve("clean");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + name, "", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        Path file = dir.resolve("clean.mv.db");
        byte[] before = Files.readAllBytes(file);

        assertThat(H2CrashRecovery.recover(file)).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(H2CrashRecovery.recover(dir.resolve("none.mv.db"))).isFalse();
        Files.createFile(dir.resolve("empty.mv.db"));
        assertThat(H2CrashRecovery.recover(dir.resolve("empty.mv.db"))).isFalse();
    }

    /** The killed database as {@code <name>.mv.db}; answers the name H2's URL takes. */
    private Path killedDatabase(String name) throws IOException {
        try (InputStream gz = new GZIPInputStream(getClass().getResourceAsStream("crash/killed.mv.db.gz"))) {
            Files.copy(gz, dir.resolve(name + ".mv.db"));
        }
        return dir.resolve(name);
    }

    /** Every acknowledged commit the database doesn't show. */
    private List<String> missing(Path name) throws IOException, SQLException {
        List<String> acknowledged;
        try (InputStream in = getClass().getResourceAsStream("crash/acknowledged.txt")) {
            acknowledged = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("A ") || line.startsWith("D ")).toList();
        }
        Set<Long> audit = new HashSet<>();
        Set<Long> intents = new HashSet<>();
        Set<Long> done = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + name + ";DATABASE_TO_LOWER=TRUE", "", "");
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id FROM audit")) {
                while (r.next()) {
                    audit.add(r.getLong(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT id, status FROM intent")) {
                while (r.next()) {
                    intents.add(r.getLong(1));
                    if ("DONE".equals(r.getString(2))) {
                        done.add(r.getLong(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String line : acknowledged) {
            long n = Long.parseLong(line.split(" ")[1]);
            boolean there = line.startsWith("A ") ? audit.contains(n) && intents.contains(n) : done.contains(n);
            if (!there) {
                missing.add(line);
            }
        }
        return missing;
    }
}
