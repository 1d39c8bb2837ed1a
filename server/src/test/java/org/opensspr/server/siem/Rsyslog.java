package org.opensspr.server.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real rsyslogd as the collector, started by the test as its own child process (no system service): its
 * own configuration, work directory and pid file in the test's directory; imtcp with TLS (GnuTLS driver) on a
 * free loopback port; every message it takes written to a file as rsyslog parsed it ({@code %jsonmesg%}: the
 * raw message, and header fields as its RFC 5424 parser read them), one JSON object per line.
 */
final class Rsyslog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/rsyslogd"), Path.of("/sbin/rsyslogd"));

    private final Path directory;
    private final Path received;
    private final int port;
    private final Path binary;
    private Process process;

    private Rsyslog(Path directory, int port, Path binary) {
        this.directory = directory;
        this.received = directory.resolve("received.jsonl");
        this.port = port;
        this.binary = binary;
    }

    /**
     * rsyslogd, or a failure that says what to install: these tests are never skipped (CI installs rsyslog and
     * rsyslog-gnutls through .ci/run).
     */
    static Path binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "rsyslogd"));
        Optional<Path> found = Stream.concat(PLACES.stream(), onPath).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new AssertionError("rsyslogd is not installed, and the SIEM forwarding tests "
                + "need it: apt-get install rsyslog rsyslog-gnutls (.ci/run installs both)"));
    }

    /** Starts rsyslogd presenting {@code certificate}/{@code key} (PEM) on a free loopback port. */
    static Rsyslog start(Path directory, Path caFile, Path certificate, Path key) throws IOException {
        Files.createDirectories(directory.resolve("work"));
        Rsyslog rsyslog = new Rsyslog(directory, freePort(), binary());
        Files.writeString(directory.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s/work"
                       DefaultNetstreamDriver="gtls"
                       DefaultNetstreamDriverCAFile="%2$s"
                       DefaultNetstreamDriverCertFile="%3$s"
                       DefaultNetstreamDriverKeyFile="%4$s")
                module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
                template(name="parsed" type="string" string="%%jsonmesg%%\\n")
                ruleset(name="siem") { action(type="omfile" file="%5$s" template="parsed") }
                input(type="imtcp" address="127.0.0.1" port="%6$d" ruleset="siem")
                """.formatted(directory, caFile, certificate, key, rsyslog.received, rsyslog.port));
        rsyslog.start();
        return rsyslog;
    }

    int port() {
        return port;
    }

    /** Starts (again) and returns once it listens. */
    void start() throws IOException {
        Path log = directory.resolve("rsyslogd.log");
        process = new ProcessBuilder(binary.toString(), "-n", "-f", directory.resolve("rsyslog.conf").toString(),
                "-i", directory.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // A test JVM stopped midway (a CI timeout) must not leave its collector running.
        ProcessHandle started = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!listens()) {
            if (!process.isAlive() || Instant.now().isAfter(until)) {
                stop();
                throw new AssertionError("rsyslogd did not come up on port " + port + " (is rsyslog-gnutls installed?): "
                        + Files.readString(log));
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Stops it as a service manager would (SIGTERM) and waits until it is gone. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Every message written so far, in order. */
    List<JsonNode> received() {
        if (!Files.exists(received)) {
            return List.of();
        }
        try {
            List<JsonNode> messages = new ArrayList<>();
            for (String line : Files.readAllLines(received)) {
                messages.add(JSON.readTree(line));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (a few seconds at most) until {@code count} messages were written; returns what there is. */
    List<JsonNode> awaitReceived(int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        List<JsonNode> messages = received();
        while (messages.size() < count && Instant.now().isBefore(until)) {
            sleep(Duration.ofMillis(20));
            messages = received();
        }
        return messages;
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
