package org.opensspr.server.cli;

import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.tls.ServerCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code init}: create the data directory, database schema, secret key and TLS certificate, then stop. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Prepare the data directory: database schema, secret key and TLS certificate.")
public final class InitCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        ServerConfig config = options.offlineConfig();
        try (OpenSsprServer server = OpenSsprServer.open(config)) {
            ServerCertificate certificate = ServerCertificate.inDataDirectory(config.dataDirectory(), List.of(),
                    Clock.systemUTC());
            System.out.println("Data directory ready: " + config.dataDirectory());
            System.out.println("TLS certificate SHA-256 fingerprint: " + certificate.fingerprint());
            System.out.println("Next: ./opensspr server create-admin --data " + config.dataDirectory()
                    + " --upn you@example.org --role GLOBAL_ADMINISTRATOR");
        }
        return 0;
    }
}
