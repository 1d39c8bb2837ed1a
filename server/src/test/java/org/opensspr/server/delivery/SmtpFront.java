package org.opensspr.server.delivery;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small SMTP front for GreenMail, which speaks neither STARTTLS nor refusals: it relays every
 * command to GreenMail's plain SMTP port and adds what GreenMail lacks — a real STARTTLS upgrade
 * (advertised in EHLO, required before anything else), implicit TLS with a certificate of the test's
 * choosing, and refusing chosen recipients with a reply of the test's choosing. Only the TLS and the
 * refusals are the front's own; authentication and delivery stay GreenMail's.
 */
final class SmtpFront implements AutoCloseable {
    enum Mode { PLAIN, STARTTLS, IMPLICIT_TLS }

    private final ServerSocket listener;
    private final int backendPort;
    private final Mode mode;
    private final SSLContext tls;
    private final Function<String, String> recipientRefusal;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-front");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger upgrades = new AtomicInteger();

    /**
     * @param recipientRefusal maps a RCPT address to the reply that refuses it, or to null to let it through
     */
    SmtpFront(int backendPort, Mode mode, SSLContext tls, Function<String, String> recipientRefusal) {
        this.backendPort = backendPort;
        this.mode = mode;
        this.tls = tls;
        this.recipientRefusal = recipientRefusal;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections completed a TLS handshake (after STARTTLS or on connect). */
    int tlsHandshakes() {
        return upgrades.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket accepted) {
        try {
            accepted.setSoTimeout(10_000);
            Socket client = mode == Mode.IMPLICIT_TLS ? upgrade(accepted) : accepted;
            relay(client);
        } catch (IOException | RuntimeException connectionEnded) {
            // The client hung up or refused our certificate: that connection is over.
        } finally {
            try {
                accepted.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void relay(Socket client) throws IOException {
        try (Socket backendSocket = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            backendSocket.setSoTimeout(10_000);
            BufferedReader backendIn = reader(backendSocket);
            OutputStream backendOut = backendSocket.getOutputStream();
            BufferedReader clientIn = reader(client);
            OutputStream clientOut = client.getOutputStream();
            boolean secure = mode == Mode.IMPLICIT_TLS;
            write(clientOut, readReply(backendIn));
            String line;
            while ((line = clientIn.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    List<String> reply = exchange(backendIn, backendOut, line);
                    write(clientOut, mode == Mode.STARTTLS && !secure ? withStartTls(reply) : reply);
                } else if (command.equals("STARTTLS") && mode == Mode.STARTTLS && !secure) {
                    write(clientOut, List.of("220 2.0.0 Ready to start TLS"));
                    client = upgrade(client);
                    clientIn = reader(client);
                    clientOut = client.getOutputStream();
                    secure = true;
                } else if (mode == Mode.STARTTLS && !secure && !command.startsWith("QUIT")
                        && !command.startsWith("NOOP") && !command.startsWith("HELO")) {
                    write(clientOut, List.of("530 5.7.0 Must issue a STARTTLS command first"));
                } else if (command.startsWith("RCPT TO:") && refusal(line) != null) {
                    write(clientOut, List.of(refusal(line)));
                } else if (command.equals("DATA")) {
                    List<String> reply = exchange(backendIn, backendOut, line);
                    write(clientOut, reply);
                    if (reply.getLast().startsWith("354")) {
                        String data;
                        do {
                            data = clientIn.readLine();
                            send(backendOut, data);
                        } while (data != null && !data.equals("."));
                        write(clientOut, readReply(backendIn));
                    }
                } else {
                    write(clientOut, exchange(backendIn, backendOut, line));
                    if (command.startsWith("QUIT")) {
                        break;
                    }
                }
            }
        }
    }

    private String refusal(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>');
        String address = open >= 0 && close > open ? rcptLine.substring(open + 1, close) : "";
        return recipientRefusal.apply(address);
    }

    private Socket upgrade(Socket plain) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        upgrades.incrementAndGet();
        return ssl;
    }

    private static List<String> withStartTls(List<String> reply) {
        List<String> lines = new ArrayList<>(reply);
        if (lines.size() == 1) {
            lines.set(0, "250-" + lines.getFirst().substring(4));
            lines.add("250 STARTTLS");
        } else {
            lines.add(1, "250-STARTTLS");
        }
        return lines;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        // ISO-8859-1 maps every byte to one char and back: the relay passes bytes through unchanged.
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static List<String> exchange(BufferedReader in, OutputStream out, String line) throws IOException {
        send(out, line);
        return readReply(in);
    }

    private static List<String> readReply(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the backend hung up");
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    private static void send(OutputStream out, String line) throws IOException {
        if (line == null) {
            throw new IOException("the client hung up");
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void write(OutputStream out, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
