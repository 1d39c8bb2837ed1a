package org.opensspr.server.writeback;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a directory (or any server) that can be taken down (connections refused, open ones cut) and brought back on the
 * same address and port: a directory outage as the server's connection pool meets it, while the directory itself
 * keeps serving other tests. It listens on the directory's own address, so the directory's certificate still
 * names the host the server connects to.
 */
public final class TcpRelay implements AutoCloseable {
    private final InetSocketAddress target;
    private final InetSocketAddress listen;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public TcpRelay(String host, int targetPort) {
        try {
            InetAddress address = InetAddress.getByName(host);
            this.target = new InetSocketAddress(address, targetPort);
            try (ServerSocket probe = new ServerSocket(0, 50, address)) {
                this.listen = new InetSocketAddress(address, probe.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        up();
    }

    /** The relay for the shared domain controller's LDAPS port. */
    public static TcpRelay toDomainController(SambaDomainController dc) {
        return new TcpRelay(dc.address(), 636);
    }

    /** The address and port the relay listens on, in URL form ({@code 127.0.0.2:40123}). */
    public String authority() {
        return listen.getAddress().getHostAddress() + ":" + listen.getPort();
    }

    public String ldapsUrl() {
        return "ldaps://" + listen.getAddress().getHostAddress() + ":" + listen.getPort();
    }

    public synchronized void up() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(listen);
            listener = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void down() {
        closeQuietly(listener);
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the outage, or a normal close
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        down();
    }
}
