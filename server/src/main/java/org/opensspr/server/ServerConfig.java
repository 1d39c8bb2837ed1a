package org.opensspr.server;

import org.opensspr.server.delivery.SmtpSettings;
import org.opensspr.server.delivery.gateway.Gateways;
import org.opensspr.server.siem.SiemSettings;
import org.opensspr.server.directorysync.DirectorySyncSettings;
import org.opensspr.server.writeback.LdapSettings;

import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.metrics.MetricsSettings;

import java.net.InetAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the server runs. Checked as a whole before anything starts, each problem with its own message.
 *
 * @param jdbcUrl        null for the embedded default (an H2 file in the data directory)
 * @param plainHttp      serve HTTP instead of HTTPS; only allowed on a loopback address
 * @param tlsKeyStore    a provided PKCS#12 file; null to generate a certificate at first start
 * @param testMode       fixed captcha answer, outbox and clock endpoints; only allowed on loopback
 * @param demoData       seed the demo organization when the directory is empty
 * @param smtp           the mail relay; null for the embedded default (messages go to the outbox as .eml
 *                       files, a code's only while it is good)
 * @param ldap           the on-premises directory for password writeback; null when none is connected
 * @param gateways       the SMS/voice gateway and push service, public URL and phone region
 * @param auditRetention how long audit events are kept (null: {@link AuditLog#DEFAULT_RETENTION}, 30 days)
 * @param siem           the syslog collector the audit log is forwarded to; null when none is configured
 * @param metrics        who besides this host may scrape {@code /metrics} (null: nobody)
 * @param directorySync  the directory sync's schedule and OpenLDAP UPN rule; null: sync on demand only
 */
public record ServerConfig(Path dataDirectory, String host, int port, String jdbcUrl, String jdbcUser,
                           String jdbcPassword, boolean plainHttp, Path tlsKeyStore, String tlsKeyStorePassword,
                           boolean testMode, boolean demoData, SmtpSettings smtp,
                           LdapSettings ldap, Gateways gateways, Duration auditRetention, SiemSettings siem,
                           MetricsSettings metrics, DirectorySyncSettings directorySync) {

    public static final int DEFAULT_PORT = 8443;
    /** Entra keeps 30 days at most on its paid tiers; a longer retention is the operator's choice, up to ten years. */
    public static final Duration MAX_AUDIT_RETENTION = Duration.ofDays(3_650);

    public ServerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
        gateways = gateways == null ? Gateways.NONE : gateways;
        auditRetention = auditRetention == null ? AuditLog.DEFAULT_RETENTION : auditRetention;
        metrics = metrics == null ? MetricsSettings.NONE : metrics;
    }

    public ServerConfig(Path dataDirectory, String host, int port, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean plainHttp, Path tlsKeyStore, String tlsKeyStorePassword,
                        boolean testMode, boolean demoData, SmtpSettings smtp, LdapSettings ldap, Gateways gateways,
                        Duration auditRetention, SiemSettings siem, MetricsSettings metrics) {
        this(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore, tlsKeyStorePassword,
                testMode, demoData, smtp, ldap, gateways, auditRetention, siem, metrics, null);
    }

    public ServerConfig(Path dataDirectory, String host, int port, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean plainHttp, Path tlsKeyStore, String tlsKeyStorePassword,
                        boolean testMode, boolean demoData, SmtpSettings smtp, LdapSettings ldap, Gateways gateways,
                        Duration auditRetention) {
        this(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore, tlsKeyStorePassword,
                testMode, demoData, smtp, ldap, gateways, auditRetention, null, null);
    }

    public ServerConfig(Path dataDirectory, String host, int port, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean plainHttp, Path tlsKeyStore, String tlsKeyStorePassword,
                        boolean testMode, boolean demoData, SmtpSettings smtp, LdapSettings ldap, Gateways gateways) {
        this(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore, tlsKeyStorePassword,
                testMode, demoData, smtp, ldap, gateways, null, null, null);
    }

    public ServerConfig(Path dataDirectory, String host, int port, String jdbcUrl, String jdbcUser,
                        String jdbcPassword, boolean plainHttp, Path tlsKeyStore, String tlsKeyStorePassword,
                        boolean testMode, boolean demoData, SmtpSettings smtp, LdapSettings ldap) {
        this(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore, tlsKeyStorePassword,
                testMode, demoData, smtp, ldap, Gateways.NONE);
    }

    /** This configuration forwarding its audit log to {@code settings}' collector (null: to none). */
    public ServerConfig withSiem(SiemSettings settings) {
        return new ServerConfig(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore,
                tlsKeyStorePassword, testMode, demoData, smtp, ldap, gateways, auditRetention, settings, metrics,
                directorySync);
    }

    /**
     * This configuration syncing the directory on {@code settings}' schedule (null: on demand only, when a directory
     * is connected).
     */
    public ServerConfig withDirectorySync(DirectorySyncSettings settings) {
        return new ServerConfig(dataDirectory, host, port, jdbcUrl, jdbcUser, jdbcPassword, plainHttp, tlsKeyStore,
                tlsKeyStorePassword, testMode, demoData, smtp, ldap, gateways, auditRetention, siem, metrics, settings);
    }

    /** How the connected directory is synced; null when no directory is connected. */
    public DirectorySyncSettings effectiveDirectorySync() {
        return ldap == null ? null : directorySync != null ? directorySync : DirectorySyncSettings.onDemand(ldap);
    }

    /** The embedded default: no relay, gateway or push service; the outbox carries every channel. */
    public boolean embeddedDelivery() {
        return smtp == null && !gateways.any();
    }

    /** Every reason this configuration can't run, in words an operator can act on. */
    public java.util.List<String> problems() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (auditRetention.compareTo(Duration.ofDays(1)) < 0 || auditRetention.compareTo(MAX_AUDIT_RETENTION) > 0) {
            problems.add("--audit-retention-days must be from 1 to " + MAX_AUDIT_RETENTION.toDays() + "; it is "
                    + auditRetention.toDays() + ".");
        }
        if (port < 0 || port > 65535) {
            problems.add("--port must be from 0 to 65535 (0 picks a free port); it is " + port + ".");
        }
        boolean loopback = isLoopback(host);
        if (plainHttp && !loopback) {
            problems.add("Plain HTTP is only allowed on a loopback address; " + host
                    + " is not one. Drop --http to serve HTTPS.");
        }
        if (testMode && !loopback) {
            problems.add("--test-mode is only allowed on a loopback address; " + host + " is not one.");
        }
        if (tlsKeyStore != null && plainHttp) {
            problems.add("--tls-keystore and --http contradict each other; choose one.");
        }
        if (tlsKeyStore != null && !java.nio.file.Files.isReadable(tlsKeyStore)) {
            problems.add("The TLS keystore " + tlsKeyStore + " can't be read.");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            problems.add("--database must be a jdbc:postgresql:… or jdbc:h2:… URL.");
        }
        if (smtp != null) {
            smtp.problems().forEach(problem -> problems.add("SMTP: " + problem));
        }
        problems.addAll(gateways.problems());
        if (directorySync != null) {
            directorySync.problems().forEach(problems::add);
        }
        if (ldap != null) {
            ldap.problems().forEach(problem -> problems.add("LDAP: " + problem));
        }
        if (siem != null) {
            siem.problems().forEach(problem -> problems.add("SIEM: " + problem));
        }
        problems.addAll(metrics.problems());
        return problems;
    }

    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9a-fA-F.:]+")) {
            return false; // a name: don't resolve it to decide a security question
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String scheme() {
        return plainHttp ? "http" : "https";
    }
}
