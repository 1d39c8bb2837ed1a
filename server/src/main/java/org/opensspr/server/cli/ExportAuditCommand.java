package org.opensspr.server.cli;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditExport;
import org.opensspr.server.audit.AuditQuery;
import org.opensspr.server.audit.AuditQueryParameters;
import org.opensspr.server.files.OwnerOnlyFiles;
import org.opensspr.server.http.ApiEnums;
import org.opensspr.server.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code export-audit}: the audit log, or the part a filter selects, oldest first, as JSON Lines or CSV — the
 * same export as {@code GET /audit/export}, for an operator at the server (an H2 file while its server is stopped,
 * or PostgreSQL at any time). A file is written owner-only beside its target and moved in place when complete, so
 * an interrupted export never leaves a complete-looking file. The export is audited as the API's is.
 */
@Command(name = "export-audit", mixinStandardHelpOptions = true,
        description = "Export the audit log as JSON Lines or CSV, oldest first (to standard output, or to a file).")
public final class ExportAuditCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--format", paramLabel = "jsonl|csv", description = "jsonl (default) or csv.")
    String format = "jsonl";

    @Option(names = "--out", paramLabel = "FILE", description = "Write it to this file instead of standard output.")
    Path out;

    @Option(names = "--activity", paramLabel = "NAME", description = "Only this activity, in Entra's wording.")
    String activity;

    @Option(names = "--actor", paramLabel = "NAME", description = "Only what this account did (exact, any case).")
    String actor;

    @Option(names = "--target", paramLabel = "NAME", description = "Only what concerned this (exact, any case).")
    String target;

    @Option(names = "--result", paramLabel = "SUCCESS|FAILURE", description = "Only successes or failures.")
    String result;

    @Option(names = "--from", paramLabel = "TIME", description = "From this ISO-8601 time (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Until this ISO-8601 time (exclusive).")
    String to;

    @Override
    public Integer call() throws IOException {
        AuditExportFormat chosen;
        AuditQuery query;
        try {
            // The API's own parse, so the command and the route accept the same names and say the same.
            chosen = ApiEnums.parse(AuditExportFormat.class, "format", format.strip().toLowerCase(java.util.Locale.ROOT));
            Map<String, String> filters = new HashMap<>();
            put(filters, "activity", activity);
            put(filters, "actor", actor);
            put(filters, "target", target);
            put(filters, "result", result);
            put(filters, "from", from);
            put(filters, "to", to);
            query = AuditQueryParameters.parse(name -> Optional.ofNullable(filters.get(name)));
        } catch (ApiException | IllegalArgumentException e) {
            System.err.println("export-audit: " + e.getMessage().replace("'format'", "--format").replace("'activity'", "--activity")
                    .replace("'result'", "--result").replace("'from'", "--from").replace("'to'", "--to"));
            return 2;
        }
        if (out != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            System.err.println("export-audit: the folder of --out doesn't exist: " + out.toAbsolutePath().getParent());
            return 2;
        }
        try (OpenSsprServer server = OpenSsprServer.open(options.offlineConfig())) {
            server.auditLog().record(AuditEntry.success(AuditActivity.AUDIT_EXPORTED, "(command line)", "audit log")
                    .withDetails(chosen.wire() + ": " + query.describe()));
            AuditExport export = new AuditExport(server.database());
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(System.out);
                export.write(query, chosen, stdout);
                stdout.flush();
                return 0;
            }
            Path target = out.toAbsolutePath();
            Path partial = OwnerOnlyFiles.writeTemporary(target, new byte[0]);
            try {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
                    export.write(query, chosen, file);
                }
                OwnerOnlyFiles.publish(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
            System.err.println("Audit log written to " + target);
            return 0;
        }
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(name, value);
        }
    }
}
