package org.opensspr.server.siem;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syslog collector inside the test JVM, on loopback: it reads octet-counted frames until the sender closes,
 * then closes in answer, as rsyslog does; or misbehaves on purpose. For what this can't show, see the rsyslog
 * tests.
 */
final class FakeCollector implements AutoCloseable {
    enum Behavior {
        /** Reads the whole batch, then closes in answer to the sender's close. */
        ANSWER,
        /**
         * Closes right after accepting (and the TLS handshake) without reading, as a collector that stops does:
         * with data unread the kernel resets the connection. (Java's own close would send a FIN first.)
         */
        RESET,
        /** Takes the connection and then neither reads nor closes. */
        STALL
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"id\":(\\d+)|externalId=(\\d+)");

    private final ServerSocket listener;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Behavior behavior = Behavior.ANSWER;

    private FakeCollector(ServerSocket listener) {
        this.listener = listener;
        Thread.ofVirtual().name("fake-collector").start(this::accept);
    }

    static FakeCollector plain() throws IOException {
        return plain(0);
    }

    /** On {@code port} (0: any free one), e.g. again where a stopped one listened. */
    static FakeCollector plain(int port) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new FakeCollector(listener);
    }

    static FakeCollector tls(SSLContext context) throws IOException {
        return new FakeCollector(context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
    }

    FakeCollector behave(Behavior next) {
        this.behavior = next;
        return this;
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The event id each message carries, in the order received. */
    List<Long> ids() {
        return messages.stream().map(message -> {
            Matcher id = EVENT_ID.matcher(message);
            if (!id.find()) {
                throw new AssertionError("No event id in " + message);
            }
            return Long.parseLong(id.group(1) != null ? id.group(1) : id.group(2));
        }).toList();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (socket instanceof SSLSocket ssl) {
                ssl.startHandshake();
            }
            switch (behavior) {
                case RESET -> socket.setSoLinger(true, 0); // try-with-resources closes it
                case STALL -> Thread.sleep(60_000);
                case ANSWER -> {
                    InputStream in = socket.getInputStream();
                    byte[] batch = in.readAllBytes(); // until the sender's close
                    OctetFrames.split(batch).forEach(message -> messages.add(new String(message, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | InterruptedException e) {
            // the sender went away or the collector is closing: nothing to record
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
