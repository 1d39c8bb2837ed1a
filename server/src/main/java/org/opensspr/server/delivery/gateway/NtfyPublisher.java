package org.opensspr.server.delivery.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.delivery.Courier;
import org.opensspr.server.delivery.DeliveryException;
import org.opensspr.server.delivery.PushNotice;
import org.opensspr.server.delivery.QueuedMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * App notifications through an ntfy-compatible server: JSON published to its root URL, to the topic the
 * user's app subscribed to. Each number is an action button that POSTs the answer to the signed URL; a
 * tap on the notification opens that URL's page, which also offers Deny (ntfy shows three buttons at most).
 */
public final class NtfyPublisher implements Courier {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NtfySettings settings;
    private final OkHttpClient client;

    public NtfyPublisher(NtfySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = GatewayCalls.client(settings.timeout());
    }

    @Override
    public void deliver(QueuedMessage message) throws DeliveryException {
        if (message.channel() != Channel.PUSH) {
            throw DeliveryException.permanent("The push service carries notifications, not " + message.channel());
        }
        PushNotice notice = PushNotice.fromJson(message.body());
        List<Map<String, Object>> actions = new ArrayList<>();
        for (String choice : notice.choices()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("action", "http");
            action.put("label", choice);
            action.put("url", notice.answerUrl());
            action.put("method", "POST");
            action.put("headers", Map.of("Content-Type", "application/json"));
            action.put("body", "{\"answer\":\"" + choice + "\"}");
            action.put("clear", true);
            actions.add(action);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("topic", message.recipient());
        payload.put("title", notice.title());
        payload.put("message", notice.message());
        payload.put("priority", 5);
        payload.put("tags", List.of("key"));
        payload.put("click", notice.answerUrl());
        payload.put("actions", actions);
        Request.Builder request = new Request.Builder().url(settings.url()).post(RequestBody.create(json(payload), JSON));
        if (settings.token() != null && !settings.token().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        GatewayCalls.call(client, request.build(), "The push service");
    }

    private static String json(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always serialize", e);
        }
    }

    /** {@code url}: the ntfy server's root (https://ntfy.sh/ or your own); {@code token}: an access token, or null. */
    public record NtfySettings(HttpUrl url, String token, Duration timeout) {
        @Override
        public String toString() {
            return "NtfySettings[url=" + url + ", token=<redacted>]";
        }
    }
}
