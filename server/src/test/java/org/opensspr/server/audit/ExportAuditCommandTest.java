package org.opensspr.server.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.AuditResult;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.cli.RunCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.api.AuditActivity.RESET_PASSWORD_SELF_SERVICE;
import static org.opensspr.api.AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS;

/** {@code export-audit}: the API's export at the server's own command line, to an owner-only file. */
class ExportAuditCommandTest {
    @TempDir
    Path data;

    @Test
    void writesTheFilteredLogToAnOwnerOnlyFileAndAuditsIt() throws Exception {
        try (OpenSsprServer server = OpenSsprServer.open(new ServerConfig(data, "127.0.0.1", 0, null, null, null,
                true, null, null, false, false, null, null))) {
            server.auditLog().record(AuditEntry.success(RESET_PASSWORD_SELF_SERVICE, "ann@contoso.example",
                    "ann@contoso.example"));
            server.auditLog().record(new AuditEntry(SSPR_FLOW_ACTIVITY_PROGRESS, "bob@contoso.example",
                    "bob@contoso.example", null, AuditResult.FAILURE, "wrong code", "Gate failed: EMAIL"));
        }
        Path file = data.resolve("failures.csv");

        Run export = run("export-audit", "--data", data.toString(), "--format", "csv", "--result", "FAILURE",
                "--out", file.toString());

        assertThat(export.exit).as(export.err).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",Self-service password reset flow activity progress,bob@contoso.example,")
                .endsWith(",FAILURE,wrong code,Gate failed: EMAIL,"); // the last column, method, empty here
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(data).map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));

        Run everything = run("export-audit", "--data", data.toString());
        List<String> all = everything.out.lines().toList();
        assertThat(all).hasSize(4);
        assertThat(all.get(2)).as("the first export, audited")
                .contains("\"activity\":\"Administrator exported the audit log\"", "\"actor\":\"(command line)\"",
                        "\"details\":\"csv: result FAILURE\"");
        assertThat(all.get(3)).as("and this one, itself included").contains("\"details\":\"jsonl: everything\"");
    }

    @Test
    void badFiltersAreRefusedByName() {
        assertThat(run("export-audit", "--data", data.toString(), "--result", "MAYBE"))
                .satisfies(r -> assertThat(r.exit).isEqualTo(2))
                .satisfies(r -> assertThat(r.err).isEqualTo("export-audit: --result must be one of SUCCESS, FAILURE.\n"));
        assertThat(run("export-audit", "--data", data.toString(), "--from", "yesterday").err)
                .contains("--from must be an ISO-8601 time");
        assertThat(run("export-audit", "--data", data.toString(), "--format", "xml").err)
                .contains("--format must be one of jsonl, csv.");
        assertThat(run("export-audit", "--data", data.toString(), "--out", data.resolve("no/such/dir/x.csv")
                .toString()).err).contains("doesn't exist");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... arguments) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new RunCommand()).execute(arguments);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
