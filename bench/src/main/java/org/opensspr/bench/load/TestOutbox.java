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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads emailed codes back from test mode's {@code GET /api/v1/test/outbox} (newest first), as a person would
 * read their mail: only the newest few to the one address. Not a kiosk call: the generator's own, timed under its
 * own name, and its server CPU is in an in-process run's figure.
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

    /**
     * The {@code length}-digit code in the newest message to {@code address} newer than message {@code after}, with
     * that message's id. Null when there is none.
     */
    Code newestCode(String address, long after, int length, EndpointLatencies.Timer timer) {
        OutboxMessageDto[] messages = timer.time(ENDPOINT, () -> read(address));
        Pattern digits = Pattern.compile("\\b(\\d{" + length + "})\\b");
        for (OutboxMessageDto message : messages) {
            if (message.id() > after && message.recipient().equalsIgnoreCase(address)) {
                Matcher m = digits.matcher(message.body());
                if (m.find()) {
                    return new Code(message.id(), m.group(1));
                }
            }
        }
        return null;
    }

    private OutboxMessageDto[] read(String address) {
        HttpUrl newest = url.newBuilder().addQueryParameter("to", address)
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

    record Code(long messageId, String digits) {
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
