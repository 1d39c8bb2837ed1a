package org.opensspr.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.HealthDto;
import org.opensspr.client.ServerUnreachableException.Reason;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No answer, no server, many callers, closing. */
class ClientConnectivityTest {

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close(); // also releases handlers that hang
        }
    }

    @Test
    void aServerThatNeverAnswersIsAReadTimeout() {
        server = TestServer.http().hang("GET", ApiPaths.HEALTH);

        try (OpenSsprClient client = OpenSsprClient.builder()
                .baseUrl(server.baseUrl())
                .readTimeout(Duration.ofMillis(300))
                .build()) {
            ServerUnreachableException e = Thrown.by(ServerUnreachableException.class, client::health);

            assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
            assertThat(e.serverUrl()).isEqualTo(server.baseUrl());
            assertThat(e.getMessage()).contains(server.baseUrl(), "did not answer in time");
        }
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aCallThatTakesTooLongIsACallTimeout() {
        server = TestServer.http().hang("GET", ApiPaths.HEALTH);

        try (OpenSsprClient client = OpenSsprClient.builder()
                .baseUrl(server.baseUrl())
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofMillis(300))
                .build()) {
            ServerUnreachableException e = Thrown.by(ServerUnreachableException.class, client::health);

            assertThat(e.reason()).isEqualTo(Reason.CALL_TIMEOUT);
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl("http://127.0.0.1:" + port).build()) {
            ServerUnreachableException e = Thrown.by(ServerUnreachableException.class, client::health);

            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port, "refused");
        }
    }

    @Test
    void oneClientServesManyThreadsAtOnce() throws Exception {
        server = TestServer.http().replyJson("GET", ApiPaths.HEALTH, 200, "{\"status\":\"UP\",\"version\":\"1\"}");

        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl(server.baseUrl()).build();
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HealthDto>> answers = IntStream.range(0, 40)
                    .mapToObj(i -> callers.submit(client::health))
                    .toList();
            for (Future<HealthDto> answer : answers) {
                assertThat(answer.get()).isEqualTo(new HealthDto("UP", "1"));
            }
        }
        assertThat(server.received()).hasSize(40);
    }

    @Test
    void aClosedClientRefusesCallsAndClosesTwiceQuietly() {
        server = TestServer.http().replyJson("GET", ApiPaths.HEALTH, 200, "{\"status\":\"UP\"}");
        OpenSsprClient client = OpenSsprClient.builder().baseUrl(server.baseUrl()).build();
        assertThat(client.health().isUp()).isTrue();

        client.close();
        client.close();

        assertThatThrownBy(client::health).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(server.received()).hasSize(1);
    }
}
