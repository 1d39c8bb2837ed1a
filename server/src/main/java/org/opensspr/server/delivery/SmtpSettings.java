package org.opensspr.server.delivery;

import org.opensspr.server.ServerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the server reaches its mail relay. Checked as a whole with {@link #problems()} before the server
 * starts, each problem in words an operator can act on. {@link #toString()} never shows the password.
 *
 * @param port                0 for the security's usual port (25, 587 or 465)
 * @param username            null or blank to send without authenticating
 * @param password            the relay password (from the environment, not the command line)
 * @param trustedCertificates null to trust the system's certificate authorities (and check the relay's
 *                            name); else a PEM or DER file of certificates: a certificate in it that the
 *                            relay presents as its own is pinned (trusted whatever names it carries — for
 *                            self-signed relays), any other is a trusted issuer whose certificates must
 *                            name the relay's host
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, MailFrom from,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                           Path trustedCertificates) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    /** How the connection is protected. STARTTLS is required, never opportunistic: no upgrade, no mail. */
    public enum Security {
        NONE(25), STARTTLS(587), SMTPS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        if (port == 0 && security != null) {
            port = security.defaultPort();
        }
        username = username == null || username.isBlank() ? null : username.strip();
        password = password == null || password.isEmpty() ? null : password;
        from = from == null ? new MailFrom("", "") : from;
        connectTimeout = connectTimeout == null ? DEFAULT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_TIMEOUT : readTimeout;
        writeTimeout = writeTimeout == null ? DEFAULT_TIMEOUT : writeTimeout;
    }

    /** Settings with the default timeouts and the system's trust. */
    public static SmtpSettings of(String host, int port, Security security, String username, String password,
                                  MailFrom from) {
        return new SmtpSettings(host, port, security, username, password, from, null, null, null, null);
    }

    public SmtpSettings withTrustedCertificates(Path file) {
        return new SmtpSettings(host, port, security, username, password, from, connectTimeout, readTimeout,
                writeTimeout, file);
    }

    public boolean authenticates() {
        return username != null;
    }

    /** Every reason these settings can't be used; empty when they can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (host.isEmpty()) {
            problems.add("The SMTP host is missing.");
        } else if (!host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            problems.add("The SMTP host '" + host + "' is not a host name or an IP address.");
        }
        if (port < 1 || port > 65535) {
            problems.add("The SMTP port must be from 1 to 65535; it is " + port + ".");
        }
        if (security == null) {
            problems.add("Choose the SMTP security: NONE, STARTTLS or SMTPS.");
        }
        if (username != null && password == null) {
            problems.add("The SMTP user name is set but its password is not.");
        }
        if (username == null && password != null) {
            problems.add("The SMTP password is set but the user name is not.");
        }
        if (security == Security.NONE && username != null && !host.isEmpty() && !ServerConfig.isLoopback(host)) {
            problems.add("The SMTP password would cross the network unencrypted: use STARTTLS or SMTPS with "
                    + host + ", or authenticate only to a relay on this machine.");
        }
        from.problem().ifPresent(problems::add);
        checkTimeout(problems, "connect", connectTimeout);
        checkTimeout(problems, "read", readTimeout);
        checkTimeout(problems, "write", writeTimeout);
        if (trustedCertificates != null) {
            if (security == Security.NONE) {
                problems.add("Trusted certificates apply only to STARTTLS or SMTPS; the SMTP security is NONE.");
            } else if (!Files.isReadable(trustedCertificates)) {
                problems.add("The SMTP trusted-certificates file " + trustedCertificates + " can't be read.");
            } else {
                SmtpTrust.certificateFileProblem(trustedCertificates).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static void checkTimeout(List<String> problems, String name, Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            problems.add("The SMTP " + name + " timeout must be from 1 second to 5 minutes; it is "
                    + timeout.toSeconds() + " s.");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password == null ? "none" : "(set)") + ", from=" + from
                + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + writeTimeout
                + ", trustedCertificates=" + (trustedCertificates == null ? "system" : trustedCertificates) + "]";
    }
}
