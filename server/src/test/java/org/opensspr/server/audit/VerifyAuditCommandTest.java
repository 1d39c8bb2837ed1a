package org.opensspr.server.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.cli.RunCommand;
import org.opensspr.server.db.Database;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.api.AuditActivity.RESET_PASSWORD_SELF_SERVICE;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** The check: the chain verified, then one row edited in the database, and the tool names that row. */
class VerifyAuditCommandTest {
    @TempDir
    Path data;

    @Test
    void provesAnUntouchedLogThenNamesTheRowEditedInTheDatabase() {
        List<Long> ids;
        try (OpenSsprServer server = OpenSsprServer.open(new ServerConfig(data, "127.0.0.1", 0, null, null, null,
                true, null, null, false, false, null, null))) {
            ids = IntStream.range(0, 5).mapToObj(i -> server.auditLog().record(AuditEntry.success(
                    RESET_PASSWORD_SELF_SERVICE, "user" + i + "@contoso.example", "user" + i + "@contoso.example")))
                    .toList();
        }

        Run intact = verifyAudit();
        assertThat(intact.exit).as(intact.out).isZero();
        assertThat(intact.out).startsWith("The audit chain is intact: 5 events, links 1 to 5; head 5:");

        try (Database database = Database.open(Database.h2FileUrl(data), null, null)) {
            database.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.TARGET, "somebody-else@contoso.example")
                    .where(AUDIT_EVENT.ID.eq(ids.get(2))).execute();
        }

        Run broken = verifyAudit();
        assertThat(broken.exit).isEqualTo(1);
        assertThat(broken.out).isEqualTo("The audit chain is BROKEN after 2 intact links: event " + ids.get(2)
                + " (link 3) was changed after the server wrote it, or was not written by the server.\n");
    }

    private record Run(int exit, String out) {
    }

    private Run verifyAudit() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new RunCommand()).execute("verify-audit", "--data", data.toString());
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
