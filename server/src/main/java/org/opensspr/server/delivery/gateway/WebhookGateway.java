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
import org.opensspr.server.delivery.QueuedMessage;
import org.opensspr.server.phone.PhoneNumber;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Texts and calls handed to any provider through a generic JSON webhook: one POST per message with
 * {@code id} (stable across retries, to drop duplicates), {@code channel} (SMS or VOICE), {@code to}
 * (E.164), {@code extension}, {@code text} and {@code language}; a bearer token when configured.
 */
public final class WebhookGateway implements Courier {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebhookSettings settings;
    private final OkHttpClient client;

    public WebhookGateway(WebhookSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = GatewayCalls.client(settings.timeout());
    }

    @Override
    public void deliver(QueuedMessage message) throws DeliveryException {
        if (message.channel() != Channel.SMS && message.channel() != Channel.VOICE) {
            throw DeliveryException.permanent("The webhook carries texts and calls, not " + message.channel());
        }
        PhoneNumber to;
        try {
            to = PhoneNumber.fromStored(message.recipient());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("The queued number is malformed");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", "opensspr-" + message.id() + "-" + message.queuedAt().toEpochMilli());
        payload.put("channel", message.channel().name());
        payload.put("to", to.e164());
        payload.put("extension", to.extension());
        payload.put("text", message.body());
        payload.put("language", message.language());
        Request.Builder request = new Request.Builder().url(settings.url()).post(RequestBody.create(json(payload), JSON));
        if (settings.token() != null && !settings.token().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        GatewayCalls.call(client, request.build(), "The SMS/voice webhook");
    }

    private static String json(Map<String, Object> payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings always serialize", e);
        }
    }

    public record WebhookSettings(HttpUrl url, String token, Duration timeout) {
        @Override
        public String toString() {
            return "WebhookSettings[url=" + url + ", token=<redacted>]";
        }
    }
}
