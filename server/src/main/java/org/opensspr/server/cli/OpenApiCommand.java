package org.opensspr.server.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.opensspr.api.Json;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code openapi}: write the API's OpenAPI document, the one the server serves at
 * {@code /api/v1/openapi.json}, without a running server (for generating clients at build time).
 */
@Command(name = "openapi", mixinStandardHelpOptions = true,
        description = "Write the API's OpenAPI document (to standard output, or to a file).")
public final class OpenApiCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "Write it to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        // The routes are bound to services, and those to a database: an empty one in memory will do.
        Path scratch = Files.createTempDirectory("opensspr-openapi");
        String url = "jdbc:h2:mem:openapi" + UUID.randomUUID().toString().replace("-", "")
                + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        ServerConfig config = new ServerConfig(scratch, "127.0.0.1", 0, url, "sa", "", true, null, null, false, false,
                null, null);
        String document;
        try (OpenSsprServer server = OpenSsprServer.open(config)) {
            document = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(server.openApiDocument());
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        if (out == null) {
            System.out.println(document);
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, document + System.lineSeparator());
        }
        return 0;
    }
}
