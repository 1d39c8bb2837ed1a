package org.opensspr.server.siem;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection to the collector, for one batch. Syslog has no acknowledgement, so the batch ends the way
 * that gives one: we close our side (TLS close_notify, then FIN) and wait until the collector closes its side
 * in answer. It reads the connection in order, so it sees our close only after every message before it.
 * Its answer is read on the TCP socket under TLS, where a close can be told from a reset: a collector that
 * closes with our messages unread in its buffer resets the connection, and so does one whose socket was
 * already closed when they arrived. ADR 19 says what remains that this can't tell apart.
 * The whole exchange has a deadline: a blocking write has no timeout of its own, so a collector that stops
 * reading would otherwise hold the forwarder forever.
 */
final class SyslogConnection implements AutoCloseable {
    /** RFC 2818 rules (subjectAltName, one leading wildcard label), which RFC 5425 §5.2 asks for. */
    private static final String NAME_CHECK = "HTTPS";

    private final Socket tcp;
    private final Socket stream;
    private final Duration timeout;
    private final OutputStream out;
    private final CompletableFuture<Void> watchdog;
    private volatile boolean timedOut;

    private SyslogConnection(Socket tcp, Socket stream, Duration timeout, Duration deadline) throws IOException {
        this.tcp = tcp;
        this.stream = stream;
        this.timeout = timeout;
        this.out = new BufferedOutputStream(stream.getOutputStream(), 64 * 1024);
        this.watchdog = CompletableFuture.runAsync(this::abort,
                CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Connects and, unless {@code tls} is null, completes the TLS handshake with the name check on. The
     * exchange must end within {@code deadline} from here, or the socket is closed under it.
     */
    static SyslogConnection open(String host, int port, SSLSocketFactory tls, Duration timeout, Duration deadline)
            throws IOException {
        Socket tcp = new Socket();
        try {
            int millis = Math.toIntExact(timeout.toMillis());
            tcp.connect(new InetSocketAddress(host, port), millis);
            tcp.setSoTimeout(millis);
            // We write in large buffered chunks; Nagle would hold the small close_notify back until the
            // collector's delayed ACK of the batch (40 ms on Linux), per batch.
            tcp.setTcpNoDelay(true);
            if (tls == null) {
                return new SyslogConnection(tcp, tcp, timeout, deadline);
            }
            SSLSocket ssl = (SSLSocket) tls.createSocket(tcp, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(NAME_CHECK);
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return new SyslogConnection(tcp, ssl, timeout, deadline);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    void write(byte[] frame) throws IOException {
        out.write(frame);
    }

    /**
     * Sends what is buffered, closes our side and returns once the collector closed its side in answer;
     * throws if it had closed before our close, or reset the connection.
     */
    void finish() throws IOException {
        out.flush();
        if (closedByPeer()) {
            throw new IOException("The collector closed the connection before the batch ended");
        }
        stream.shutdownOutput(); // TLS: close_notify (a socket layered over ours leaves the FIN to us)
        if (!tcp.isOutputShutdown()) {
            tcp.shutdownOutput();
        }
        tcp.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        InputStream in = tcp.getInputStream();
        byte[] ignored = new byte[512];
        // What comes now is at most the collector's close_notify: skipped, until its FIN (or a reset, thrown).
        int read;
        do {
            read = in.read(ignored);
        } while (read >= 0);
    }

    /** Whether the collector's close already arrived (it closed on its own, before it could have seen ours). */
    private boolean closedByPeer() throws IOException {
        tcp.setSoTimeout(1);
        InputStream in = tcp.getInputStream();
        byte[] ignored = new byte[512];
        try {
            // Bytes here are TLS records the collector sent on its own (session tickets); no one reads them now.
            while (true) {
                if (in.read(ignored) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /** Whether the deadline ran out and closed the socket (the I/O error that followed says only "closed"). */
    boolean timedOut() {
        return timedOut;
    }

    private void abort() {
        timedOut = true;
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing to unblock; the batch fails either way
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        // The TCP socket first: a TLS socket closing over an open one could wait for the collector's close_notify.
        tcp.close();
        stream.close();
    }
}
