package org.opensspr.bench.load;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * The cheapest call there is, {@code GET /api/v1/health}, made every {@link #EVERY} by one caller beside the
 * kiosks until {@link #stop()}: how long a call that needs almost no work waits while the resets run.
 */
final class HealthProbe implements Runnable {
    static final String ENDPOINT = "GET /api/v1/health (probe)";
    static final Duration EVERY = Duration.ofMillis(20);

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final Request health;
    private final RunWindow window;
    private final EndpointLatencies latencies;
    private final ErrorCounts errors;
    private volatile boolean stopped;

    HealthProbe(String baseUrl, RunWindow window, EndpointLatencies latencies, ErrorCounts errors) {
        this.health = new Request.Builder().url(baseUrl + "/api/v1/health").build();
        this.window = window;
        this.latencies = latencies;
        this.errors = errors;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                boolean counted = window.counts(System.nanoTime());
                try {
                    latencies.timer(counted).time(ENDPOINT, this::call);
                } catch (RuntimeException failed) {
                    if (counted) {
                        errors.count(failed);
                    }
                }
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    void stop() {
        stopped = true;
    }

    private Void call() {
        try (Response response = http.newCall(health).execute()) {
            if (response.code() != 200) {
                throw new ErrorCounts.FlowStopped("HEALTH_HTTP_" + response.code());
            }
            response.body().bytes();
            return null;
        } catch (IOException e) {
            throw new ErrorCounts.FlowStopped("HEALTH_IO");
        }
    }
}
