package org.opensspr.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Uploads an endless body over a plain socket, keeps sending until the server closes, and reads its answer. */
final class RawUpload {
    private static final int SEND_BUFFER = 64 * 1024;
    private static final long GIVE_UP_AFTER = 256L * 1024 * 1024;

    /** What came back, and the socket's own port (the server's side of it knows it by that). */
    record Outcome(int status, Map<String, String> headers, String body, int localPort) {
    }

    private RawUpload() {
    }

    /** {@code declaredLength} null sends the body chunked. */
    static Outcome send(String baseUrl, String method, String path, String token, String contentType, Long declaredLength) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(SEND_BUFFER);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: " + contentType + "\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            head.append(declaredLength == null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declaredLength + "\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            AtomicLong pushed = new AtomicLong();
            long cap = declaredLength == null ? GIVE_UP_AFTER : declaredLength;
            Thread sender = Thread.ofPlatform().daemon().start(() -> push(out, pushed, cap, declaredLength == null));
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            sender.join(Duration.ofSeconds(20));
            if (sender.isAlive()) {
                throw new AssertionError("The server neither read the body nor closed the connection");
            }
            return new Outcome(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8), socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes body bytes until the server closes the connection (the write fails) or the cap is reached. */
    private static void push(OutputStream out, AtomicLong pushed, long cap, boolean chunked) {
        byte[] chunk = new byte[16 * 1024];
        byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (pushed.get() < cap) {
                int n = (int) Math.min(chunk.length, cap - pushed.get());
                if (chunked) {
                    out.write(header);
                }
                out.write(chunk, 0, n);
                if (chunked) {
                    out.write(crlf);
                }
                pushed.addAndGet(n);
            }
        } catch (IOException closedByServer) {
            // What we wanted to know: the server stopped taking the body.
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("The server closed without an answer");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
