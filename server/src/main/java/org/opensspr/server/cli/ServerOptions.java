package org.opensspr.server.cli;

import org.opensspr.server.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every server subcommand shares: where the data lives and which database to use. */
public final class ServerOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $XDG_DATA_HOME/opensspr, else ~/.local/share/opensspr).")
    Path dataDirectory = defaultDataDirectory();

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL (default: an H2 file in the data directory).")
    String jdbcUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:OPENSSPR_DB_USER}",
            description = "Database user (default: the environment variable OPENSSPR_DB_USER).")
    String jdbcUser;

    @Option(names = "--database-password-env", paramLabel = "VAR", defaultValue = "OPENSSPR_DB_PASSWORD",
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String jdbcPasswordVariable;

    @Option(names = "--audit-retention-days", paramLabel = "DAYS",
            description = "Keep audit events this many days, 1 to 3650 (default: 30); older ones are removed hourly"
                    + " behind a signed checkpoint.")
    Integer auditRetentionDays;

    static Path defaultDataDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("opensspr");
    }

    /** For commands that work on the data directory without listening. */
    ServerConfig offlineConfig() {
        return toConfig("127.0.0.1", 0, false, null, null, false, false, null, null);
    }

    ServerConfig toConfig(String host, int port, boolean plainHttp, Path keyStore, String keyStorePasswordVariable,
                          boolean testMode, boolean demo, org.opensspr.server.delivery.SmtpSettings smtp,
                          org.opensspr.server.writeback.LdapSettings ldap) {
        return toConfig(host, port, plainHttp, keyStore, keyStorePasswordVariable, testMode, demo, smtp, ldap, null);
    }

    ServerConfig toConfig(String host, int port, boolean plainHttp, Path keyStore, String keyStorePasswordVariable,
                          boolean testMode, boolean demo, org.opensspr.server.delivery.SmtpSettings smtp,
                          org.opensspr.server.writeback.LdapSettings ldap,
                          org.opensspr.server.delivery.gateway.Gateways gateways) {
        return toConfig(host, port, plainHttp, keyStore, keyStorePasswordVariable, testMode, demo, smtp, ldap, gateways,
                null);
    }

    ServerConfig toConfig(String host, int port, boolean plainHttp, Path keyStore, String keyStorePasswordVariable,
                          boolean testMode, boolean demo, org.opensspr.server.delivery.SmtpSettings smtp,
                          org.opensspr.server.writeback.LdapSettings ldap,
                          org.opensspr.server.delivery.gateway.Gateways gateways,
                          org.opensspr.server.metrics.MetricsSettings metrics) {
        String password = jdbcPasswordVariable == null ? null : System.getenv(jdbcPasswordVariable);
        String keyStorePassword = keyStorePasswordVariable == null ? null : System.getenv(keyStorePasswordVariable);
        return new ServerConfig(dataDirectory, host, port, jdbcUrl, jdbcUser, password, plainHttp, keyStore,
                keyStorePassword, testMode, demo, smtp, ldap, gateways,
                auditRetentionDays == null ? null : java.time.Duration.ofDays(auditRetentionDays), null, metrics);
    }
}
