package org.opensspr.server.cli;

import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code --smtp-*}: the mail relay that sends codes and notifications. The password comes from the environment. */
final class SmtpOptions {
    @Option(names = "--smtp-host", required = true, paramLabel = "HOST", description = "The relay's host name.")
    String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "0 picks 25, 587 or 465 by security (default).")
    int port;

    @Option(names = "--smtp-security", paramLabel = "MODE", description = "NONE, STARTTLS (default) or SMTPS.")
    SmtpSettings.Security security = SmtpSettings.Security.STARTTLS;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "User name for SMTP authentication.")
    String user;

    @Option(names = "--smtp-password-env", paramLabel = "VAR", defaultValue = "OPENSSPR_SMTP_PASSWORD",
            description = "Environment variable holding the SMTP password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", required = true, description = "The sender address.")
    String from;

    @Option(names = "--smtp-from-name", paramLabel = "TEXT", description = "The sender's display name (default: OpenSSPR).")
    String fromName = "OpenSSPR";

    @Option(names = "--smtp-trusted-certificates", paramLabel = "FILE",
            description = "PEM/DER certificates to trust for the relay (a self-signed relay's own certificate pins it).")
    Path trustedCertificates;

    @Option(names = "--smtp-timeout", paramLabel = "SECONDS", description = "Connect, read and write timeout (default 10).")
    int timeoutSeconds = 10;

    SmtpSettings settings() {
        String password = passwordVariable == null ? null : System.getenv(passwordVariable);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new SmtpSettings(host, port, security, user, password, new MailFrom(from, fromName), timeout, timeout,
                timeout, trustedCertificates);
    }
}
