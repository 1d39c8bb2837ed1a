package org.opensspr.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.opensspr.api.Json;
import org.opensspr.api.PushAnswerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The person's phone answering an app notification: the notice as the outbox holds it for the app's topic (its
 * words, the answer URL, the numbers offered), and the tap on the number the kiosk shows, posted to that URL as
 * the app does. The answer route is the public one phones use; nothing here is a test-mode shortcut but reading
 * the notice from the outbox.
 */
final class PhoneApp implements AutoCloseable {
    static final String ANSWER = "POST /api/v1/push/answers/{token}";
    private static final ObjectMapper JSON = Json.newMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    /** Taps {@code number} on the notice (the outbox message's body); fails the flow if the server refuses. */
    void tap(String notice, int number, EndpointLatencies.Timer timer) {
        String answerUrl;
        try {
            JsonNode parsed = JSON.readTree(notice);
            answerUrl = parsed.path("answerUrl").asText();
            if (answerUrl.isEmpty() || !parsed.path("choices").toString().contains("\"" + number + "\"")) {
                throw new ErrorCounts.FlowStopped("NOTIFICATION_WITHOUT_THE_NUMBER");
            }
        } catch (IOException e) {
            throw new ErrorCounts.FlowStopped("NOTIFICATION_UNREADABLE");
        }
        int status = timer.time(ANSWER, () -> post(answerUrl, String.valueOf(number)));
        if (status / 100 != 2) {
            throw new ErrorCounts.FlowStopped("NOTIFICATION_ANSWER_HTTP_" + status);
        }
    }

    private int post(String url, String answer) {
        try (Response response = http.newCall(new Request.Builder().url(url)
                .post(RequestBody.create(JSON.writeValueAsBytes(new PushAnswerRequest(answer)), JSON_TYPE))
                .build()).execute()) {
            return response.code();
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
