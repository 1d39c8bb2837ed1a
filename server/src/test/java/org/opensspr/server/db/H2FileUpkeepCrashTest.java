package org.opensspr.server.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 11's promise with ADR 35's upkeep: a process that commits for longer than the short retention, so that H2
 * writes over dead chunks all along, is killed with SIGKILL; every commit it acknowledged is there after a reopen.
 */
class H2FileUpkeepCrashTest {
    /** Well past {@link H2FileUpkeep#SHORT_RETENTION}: dead chunks are written over for seconds before the kill. */
    private static final long CHURN_MILLIS = 12_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyAcknowledgedCommitSurvivesAKillWhileSpaceIsWrittenOver() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process churn = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Churn.class.getName(), directory.toString()).redirectErrorStream(true).start();
        Set<Long> acknowledged = new HashSet<>();
        long writtenBeforeTheKill = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(churn.getInputStream(), StandardCharsets.UTF_8))) {
            long killAt = 0;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (killAt == 0) {
                        killAt = System.currentTimeMillis() + CHURN_MILLIS;
                    }
                } else if (line.startsWith("written ")) {
                    writtenBeforeTheKill = Long.parseLong(line.substring(8));
                }
                if (killAt != 0 && System.currentTimeMillis() >= killAt) {
                    churn.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        }
        assertThat(churn.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long fileSize = Files.size(directory.resolve("opensspr.mv.db"));
        assertThat(acknowledged).as("commits acknowledged before the kill").hasSizeGreaterThan(1_000);
        assertThat(fileSize).as("space written over before the kill: the file against what was written to it")
                .isLessThan(writtenBeforeTheKill * 3 / 4);

        try (Database db = Database.open(Database.h2FileUrl(directory), null, null)) {
            // The newest 1,000 rows are kept; the churn deleted the older ones, and said so only once committed.
            List<Long> kept = db.inTransaction(tx -> tx.fetch("select id from churn").getValues(0, Long.class));
            long newestAcknowledged = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
            Set<Long> expected = new HashSet<>();
            for (long id = Math.max(1, newestAcknowledged - Churn.KEPT + 1); id <= newestAcknowledged; id++) {
                expected.add(id);
            }
            assertThat(new HashSet<>(kept)).as("every acknowledged row still kept").containsAll(expected);
        }
    }

    /** The killed process: commits one row at a time on the server's own URL, with the upkeep, and says so. */
    public static final class Churn {
        static final int KEPT = 1_000;

        public static void main(String[] args) throws InterruptedException {
            Path data = Path.of(args[0]);
            try (Database db = Database.open(Database.h2FileUrl(data), null, null)) {
                db.inTransactionDo(tx -> tx.execute("create table churn (id bigint primary key, payload varchar(200))"));
                String payload = "x".repeat(150);
                for (long id = 1; ; id++) {
                    long row = id;
                    db.inTransactionDo(tx -> {
                        tx.execute("insert into churn values (?, ?)", row, payload);
                        tx.execute("delete from churn where id = ?", row - KEPT);
                    });
                    System.out.println("ack " + row);
                    Thread.sleep(1); // some hundreds of commits a second, not the disk's every write
                    if (id % 500 == 0) {
                        System.out.println("written " + db.inTransaction(tx -> tx.fetchValue(
                                "select setting_value from information_schema.settings"
                                        + " where setting_name = 'info.FILE_WRITE_BYTES'")));
                    }
                }
            }
        }
    }
}
