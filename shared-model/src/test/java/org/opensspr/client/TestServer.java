package org.opensspr.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP(S) server on 127.0.0.1 with fixed answers, standing in for the OpenSSPR server until it
 * exists. Records what it received so tests can assert on it.
 */
final class TestServer implements AutoCloseable {

    record Received(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, more);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private TestServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestServer http() {
        try {
            return new TestServer(HttpServer.create(loopback(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An https server presenting this (self-signed, unless issued otherwise) certificate. */
    static TestServer https(HeldCertificate certificate) {
        try {
            HttpsServer server = HttpsServer.create(loopback(), 0);
            HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
            server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
            return new TestServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestServer reply(String method, String path, Reply reply) {
        replies.put(method + " " + path, reply);
        return this;
    }

    TestServer replyJson(String method, String path, int status, String json) {
        return reply(method, path, Reply.json(status, json));
    }

    /** Requests to this path get no answer until the server closes. */
    TestServer hang(String method, String path) {
        hanging.put(method + " " + path, true);
        return this;
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("Expected exactly one request, got " + received);
        }
        return received.getFirst();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String key = exchange.getRequestMethod() + " " + path;
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
            if (hanging.containsKey(key)) {
                release.await();
                return;
            }
            Reply reply = replies.getOrDefault(key, Reply.json(404, "{\"code\":\"NOT_FOUND\",\"message\":\"No route\"}"));
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            }
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
