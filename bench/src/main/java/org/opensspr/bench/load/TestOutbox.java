package org.opensspr.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * read their mail. Not a kiosk call: the generator's own, timed under its own name, and its server CPU is in the
 * run's figure. It asks only for as many messages as the kiosks can have added since the code was sent.
 */
final class TestOutbox implements AutoCloseable {
    static final String ENDPOINT = "GET /api/v1/test/outbox";
    private static final int MOST = 1_000;
    private static final ObjectMapper JSON = Json.newMapper();

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final String url;
    private final int recent;

    /** {@code kiosks}: each flow adds a code and a "your password was reset" mail, so a few per kiosk will do. */
    TestOutbox(String baseUrl, int kiosks) {
        this.url = baseUrl + "/api/v1/test/outbox?limit=";
        this.recent = Math.clamp(4L * kiosks + 20, 50, MOST);
    }

    /**
     * The {@code length}-digit code in the newest message to {@code address} newer than message {@code after};
     * the message's id goes to {@code seen}. Null when there is none even among the newest thousand.
     */
    Code newestCode(String address, long after, int length, EndpointLatencies.Timer timer) {
        Code code = find(address, after, length, recent, timer);
        return code != null || recent == MOST ? code : find(address, after, length, MOST, timer);
    }

    private Code find(String address, long after, int length, int limit, EndpointLatencies.Timer timer) {
        OutboxMessageDto[] messages = timer.time(ENDPOINT, () -> read(limit));
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

    private OutboxMessageDto[] read(int limit) {
        try (Response response = http.newCall(new Request.Builder().url(url + limit).build()).execute()) {
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
