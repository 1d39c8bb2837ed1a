package org.opensspr.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opensspr.api.Json;
import org.opensspr.api.OutboxMessageDto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Reads what the server sent a person back from test mode's {@code GET /api/v1/test/outbox} (newest first), as
 * they would read their mail, texts, calls or app: only the newest few to the one recipient (an address, an E.164
 * number, an app's notification topic). Not a kiosk call: the generator's own, timed under its own name, and its
 * server CPU is in an in-process run's figure.
 */
final class TestOutbox implements AutoCloseable {
    static final String ENDPOINT = "GET /api/v1/test/outbox";
    /** A flow's code and its "password was reset" notice, and one spare. */
    private static final int RECENT = 3;
    private static final ObjectMapper JSON = Json.newMapper();

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final HttpUrl url;

    TestOutbox(String baseUrl) {
        this.url = HttpUrl.get(baseUrl + "/api/v1/test/outbox");
    }

    /** The newest messages to {@code recipient} newer than message {@code after}, newest first. */
    OutboxMessageDto[] newest(String recipient, long after, EndpointLatencies.Timer timer) {
        OutboxMessageDto[] messages = timer.time(ENDPOINT, () -> read(recipient));
        return java.util.Arrays.stream(messages)
                .filter(m -> m.id() > after && m.recipient().equalsIgnoreCase(recipient))
                .toArray(OutboxMessageDto[]::new);
    }

    private OutboxMessageDto[] read(String recipient) {
        HttpUrl newest = url.newBuilder().addQueryParameter("to", recipient)
                .addQueryParameter("limit", String.valueOf(RECENT)).build();
        try (Response response = http.newCall(new Request.Builder().url(newest).build()).execute()) {
            if (response.code() != 200) {
                throw new ErrorCounts.FlowStopped("OUTBOX_HTTP_" + response.code());
            }
            return JSON.readValue(response.body().bytes(), OutboxMessageDto[].class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
