package org.opensspr.server.siem;

import org.opensspr.server.ServerConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and how the audit log is forwarded: a syslog collector over TLS (RFC 5425), each event as CEF or JSON.
 *
 * @param caFile          PEM certificates of the authorities that may vouch for the collector; null: the JDK's
 *                        trust store (cacerts, or {@code javax.net.ssl.trustStore})
 * @param plainTcp        no TLS; only to a collector on loopback, as plain HTTP is only served there
 * @param timeout         for connecting, each read and write, and the collector's closing answer
 * @param maxMessageBytes the longest message the collector takes whole
 */
public record SiemSettings(String host, int port, SiemFormat format, Path caFile, boolean plainTcp,
                           Duration timeout, int maxMessageBytes) {
    public static final int DEFAULT_PORT = 6514;
    /** Under rsyslog's default limit (8096) and RFC 5425's 8192, which collectors SHOULD take. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8000;
    /** RFC 5425 §4.3.1: every receiver MUST take 2048 octets. */
    static final int MIN_MESSAGE_BYTES = 2048;
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    public SiemSettings {
        host = host == null ? "" : host.strip();
        format = format == null ? SiemFormat.CEF : format;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public SiemSettings(String host, int port, SiemFormat format, Path caFile) {
        this(host, port, format, caFile, false, null, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** The cursor's key: a collector gets every retained event once, also after it replaced another. */
    public String destination() {
        String name = host.toLowerCase(Locale.ROOT);
        return (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }

    /** Every reason these settings can't work, in words an operator can act on. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (host.isEmpty()) {
            problems.add("--siem-host names the syslog collector; it is empty.");
        }
        if (port < 1 || port > 65535) {
            problems.add("--siem-port must be from 1 to 65535; it is " + port + ".");
        }
        if (plainTcp && !host.isEmpty() && !ServerConfig.isLoopback(host)) {
            problems.add("Plain TCP to the SIEM is only allowed to a loopback collector; " + host
                    + " is not one. Drop --siem-plain-tcp to send over TLS.");
        }
        if (plainTcp && caFile != null) {
            problems.add("--siem-ca and --siem-plain-tcp contradict each other; choose one.");
        }
        if (caFile != null) {
            SiemTrust.caFileProblem(caFile).ifPresent(problems::add);
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("--siem-timeout must be at least 1 second.");
        }
        if (maxMessageBytes < MIN_MESSAGE_BYTES || maxMessageBytes > MAX_MESSAGE_BYTES) {
            problems.add("--siem-max-message must be from " + MIN_MESSAGE_BYTES + " to " + MAX_MESSAGE_BYTES
                    + " octets; it is " + maxMessageBytes + ".");
        }
        return problems;
    }

    SiemSettings requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return this;
    }
}
