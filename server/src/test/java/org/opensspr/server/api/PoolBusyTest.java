package org.opensspr.server.api;

import org.junit.jupiter.api.Test;
import org.opensspr.server.db.TestDatabases;

import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every pooled connection taken, a request is told the server is busy (503 with Retry-After) after a
 * bounded wait, instead of hanging; once connections come back, the same request succeeds.
 */
class PoolBusyTest {
    private static final int H2_POOL = 8;

    @Test
    void aRequestThatFindsNoConnectionIsToldTheServerIsBusy() throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             ExecutorService holders = Executors.newFixedThreadPool(H2_POOL)) {
            CountDownLatch taken = new CountDownLatch(H2_POOL);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < H2_POOL; i++) {
                holders.submit(() -> server.server().database().inTransactionDo(tx -> {
                    taken.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            taken.await();

            HttpResponse<String> busy = server.json("POST", "/api/v1/reset/flows", null,
                    "{\"intent\":\"RESET_PASSWORD\",\"locale\":\"en-US\"}");
            release.countDown();

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.body()).contains("SERVICE_UNAVAILABLE").contains("busy");
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.json("POST", "/api/v1/reset/flows", null,
                    "{\"intent\":\"RESET_PASSWORD\",\"locale\":\"en-US\"}").statusCode()).isEqualTo(201);
        }
    }
}
