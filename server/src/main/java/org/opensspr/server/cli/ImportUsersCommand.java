package org.opensspr.server.cli;

import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code import-users}: import users with their groups from a CSV file; a file with any bad row imports nothing. */
@Command(name = "import-users", mixinStandardHelpOptions = true,
        description = "Import users (with groups and roles) from a CSV file; any bad row imports nothing.")
public final class ImportUsersCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--file", required = true, paramLabel = "CSV",
            description = "Header: upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,"
                    + "mobilePhone,officePhone,preferredLanguage,groups,roles")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            System.err.println("opensspr server: can't read " + file);
            return 2;
        }
        byte[] content = Files.readAllBytes(file);
        try (OpenSsprServer server = OpenSsprServer.open(options.offlineConfig())) {
            ImportResultDto result = server.importer().importCsv(DirectoryActor.system("cli"), content);
            if (!result.errors().isEmpty()) {
                System.err.println("Nothing was imported: " + result.errors().size() + " problem(s) in " + file + ":");
                for (ImportRowErrorDto error : result.errors()) {
                    System.err.println("  line " + error.line() + ", " + error.column() + ": " + error.message());
                }
                return 1;
            }
            System.out.println("Imported " + result.importedCount() + " users; created groups: "
                    + (result.createdGroups().isEmpty() ? "none" : String.join(", ", result.createdGroups())));
            return 0;
        } catch (ApiException e) {
            System.err.println("opensspr server: " + e.getMessage());
            return 2;
        }
    }
}
