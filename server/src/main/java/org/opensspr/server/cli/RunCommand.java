package org.opensspr.server.cli;

import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.metrics.MetricsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code run}: start the server and keep it up until the process is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, version = OpenSsprServer.VERSION,
        description = "Run the OpenSSPR server (the default command).",
        subcommands = {InitCommand.class, CreateAdminCommand.class, EnrollKioskCommand.class, ImportUsersCommand.class,
                VerifyAuditCommand.class, ExportAuditCommand.class,
                OpenApiCommand.class, ConfigTemplateCommand.class})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--http", description = "Serve plain HTTP instead of HTTPS (loopback only).")
    boolean plainHttp;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "A PKCS#12 file with the server's key and certificate.")
    Path tlsKeyStore;

    @Option(names = "--tls-keystore-password-env", paramLabel = "VAR", defaultValue = "OPENSSPR_TLS_PASSWORD",
            description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
    String tlsPasswordVariable;

    @Option(names = "--test-mode", description = "Fixed captcha answer, outbox and clock endpoints for tests (loopback only).")
    boolean testMode;

    @Option(names = "--demo", description = "Seed the demo organization when the directory is empty.")
    boolean demo;

    @Option(names = "--metrics-token-env", paramLabel = "VAR",
            description = "Environment variable holding the bearer token that lets other hosts scrape /metrics"
                    + " (at least 16 characters); without it only this host may.")
    String metricsTokenVariable;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Mail relay (without it, mail stays in the outbox):%n")
    SmtpOptions smtp;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "On-premises directory for password writeback and directory sync:%n")
    LdapOptions ldap;

    @picocli.CommandLine.ArgGroup(exclusive = false,
            heading = "Texts, calls and app notifications (without any relay or gateway, all stay in the outbox):%n")
    GatewayOptions gateways = new GatewayOptions();

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "SIEM forwarding of the audit log (syslog over TLS):%n")
    SiemOptions siem;

    @Override
    public Integer call() throws InterruptedException {
        org.opensspr.server.writeback.LdapSettings ldapSettings = ldap == null ? null : ldap.settings();
        ServerConfig config = options.toConfig(host, port, plainHttp, tlsKeyStore, tlsPasswordVariable, testMode, demo,
                smtp == null ? null : smtp.settings(), ldapSettings,
                gateways == null ? null : gateways.gateways(),
                MetricsSettings.fromEnvironment(metricsTokenVariable, System.getenv()))
                .withSiem(siem == null ? null : siem.settings())
                .withDirectorySync(ldap == null ? null : ldap.syncSettings(ldapSettings));
        if (!config.problems().isEmpty()) {
            config.problems().forEach(problem -> System.err.println("opensspr server: " + problem));
            return 2;
        }
        OpenSsprServer server = OpenSsprServer.open(config);
        if (config.demoData()) {
            server.seedDemo().forEach(System.out::println);
        }
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "opensspr-shutdown"));
        if (server.fingerprintText() != null) {
            System.out.println("TLS certificate SHA-256 fingerprint: " + server.fingerprintText());
        }
        System.out.println("OpenSSPR server listening on " + server.url());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
