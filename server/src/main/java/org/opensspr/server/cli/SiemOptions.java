package org.opensspr.server.cli;

import org.opensspr.server.siem.SiemFormat;
import org.opensspr.server.siem.SiemSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --siem-*}: the syslog collector (RFC 5425, TLS) every audit event is forwarded to. The defaults are given
 * in the annotations too: {@code run} has no instance of this group until a SIEM option is given, so picocli can't
 * read them from the fields for {@code --help} (and config-template).
 */
final class SiemOptions {
    @Option(names = "--siem-host", required = true, paramLabel = "HOST",
            description = "The collector's host name or address; its certificate must name it.")
    String host;

    @Option(names = "--siem-port", paramLabel = "PORT", defaultValue = "" + SiemSettings.DEFAULT_PORT,
            description = "The collector's port (default: ${DEFAULT-VALUE}).")
    int port = SiemSettings.DEFAULT_PORT;

    @Option(names = "--siem-format", paramLabel = "FORMAT", description = "CEF (default) or JSON.")
    SiemFormat format = SiemFormat.CEF;

    @Option(names = "--siem-ca", paramLabel = "FILE",
            description = "PEM certificates of the authorities that vouch for the collector (default: the JDK's trust store).")
    Path caFile;

    @Option(names = "--siem-plain-tcp", description = "Send without TLS (loopback collectors only).")
    boolean plainTcp;

    @Option(names = "--siem-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Connect, read and write timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 10;

    @Option(names = "--siem-max-message", paramLabel = "OCTETS",
            defaultValue = "" + SiemSettings.DEFAULT_MAX_MESSAGE_BYTES,
            description = "The longest message the collector takes; longer details are shortened (default: ${DEFAULT-VALUE}).")
    int maxMessageBytes = SiemSettings.DEFAULT_MAX_MESSAGE_BYTES;

    SiemSettings settings() {
        return new SiemSettings(host, port, format, caFile, plainTcp, Duration.ofSeconds(timeoutSeconds), maxMessageBytes);
    }
}
