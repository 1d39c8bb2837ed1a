package org.opensspr.server.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.UploadLimits;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of an oversized body the server reads, counted by the server's own connections: nothing of a
 * declared length over the limit, and of a chunked body its route's limit and what it drops past it.
 * (Javalin used to read chunked bodies up to the largest route's limit, 16 MiB, before any route's own.)
 */
class BodyReadingTest {
    private static final List<Integer> LIMITS = List.of(4 * 1024, ApiRoute.DEFAULT_MAX_BODY,
            UploadLimits.BRANDING_IMAGE_BYTES, UploadLimits.USER_IMPORT_BYTES);
    /** Request headers, chunk framing and what one read of the socket takes in beyond what is needed. */
    private static final int OVERHEAD = 64 * 1024;

    /** The server's connections, by the client's port. */
    private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();
    private Javalin app;

    @BeforeEach
    void start() {
        List<ApiRoute<?>> routes = LIMITS.stream().<ApiRoute<?>>map(limit -> ApiRoute.route(HandlerType.POST,
                "/upload/" + limit, "An upload", Access.PUBLIC).rawBody("text/csv", limit).returns(String.class)
                .handle(r -> "stored")).toList();
        app = new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN)
                .create(routes, new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test").start();
        // One request on its own first: Javalin sets itself up on the first one, not safely for several at once.
        assertThat(RawUpload.send("http://127.0.0.1:" + app.port(), "POST", "/api/v1/upload/" + LIMITS.getFirst(),
                null, "text/csv", 64L * 1024 * 1024).status()).isEqualTo(413);
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            connector.addEventListener(new Connection.Listener() {
                @Override
                public void onOpened(Connection connection) {
                    connections.put(((InetSocketAddress) connection.getEndPoint().getRemoteSocketAddress()).getPort(),
                            connection);
                }
            });
        }
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theServerReadsNothingOfADeclaredOversizedBodyAndAChunkedOneOnlyToAboutItsLimit() throws Exception {
        record Upload(int limit, boolean chunked, Future<RawUpload.Outcome> outcome) {
        }
        List<Upload> uploads = new ArrayList<>();
        try (ExecutorService inFlight = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int limit : LIMITS) {
                String base = "http://127.0.0.1:" + app.port();
                String path = "/api/v1/upload/" + limit;
                uploads.add(new Upload(limit, false, inFlight.submit(() ->
                        RawUpload.send(base, "POST", path, null, "text/csv", 64L * 1024 * 1024))));
                uploads.add(new Upload(limit, true, inFlight.submit(() ->
                        RawUpload.send(base, "POST", path, null, "text/csv", null))));
            }
        }

        for (Upload upload : uploads) {
            RawUpload.Outcome outcome = upload.outcome().get();
            String what = upload.limit() + " bytes allowed, " + (upload.chunked() ? "chunked" : "Content-Length");
            assertThat(outcome.status()).as(what).isEqualTo(413);
            assertThat(outcome.body()).as(what).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            assertThat(outcome.headers()).as(what).containsEntry("connection", "close");
            long read = readOn(outcome.localPort());
            if (upload.chunked()) {
                assertThat(read).as(what).isGreaterThan(upload.limit())
                        .isLessThan((long) upload.limit() + LimitedBody.DROPPABLE + OVERHEAD);
            } else {
                assertThat(read).as(what).isLessThan(OVERHEAD);
            }
        }
    }

    /** What the server read from the connection from {@code port}, once it has closed it. */
    private long readOn(int port) throws InterruptedException {
        Connection connection = connections.get(port);
        for (int wait = 0; wait < 100 && connection.getEndPoint().isOpen(); wait++) {
            Thread.sleep(50);
        }
        assertThat(connection.getEndPoint().isOpen()).as("the server closed the connection").isFalse();
        return connection.getBytesIn();
    }
}
