package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks a reset flow over raw HTTP, keeping the latest ticket, as a kiosk would. */
final class FlowClient {
    private static final ObjectMapper JSON = Json.newMapper();
    /** The server the next call goes to; a test may switch it between instances, as a load balancer would. */
    InProcessServer server;
    /** The enrolled kiosk's credential sent with every call, or null; a test may change it, as it may {@link #from}. */
    String kioskCredential;
    /** The loopback address calls come from; null for the default (127.0.0.1). */
    java.net.InetAddress from;
    String ticket;
    JsonNode last;
    int lastStatus;

    FlowClient(InProcessServer server) {
        this(server, null);
    }

    /** As an enrolled kiosk, whose credential goes with every call. */
    FlowClient(InProcessServer server, String kioskCredential) {
        this.server = server;
        this.kioskCredential = kioskCredential;
    }

    JsonNode start(String intent) {
        return post("/reset/flows", JSON.createObjectNode().put("intent", intent).put("locale", "en-US"));
    }

    JsonNode identify(String user) {
        return post("/reset/flows/identify", withTicket().put("userId", user)
                .put("captchaId", last.path("captcha").path("captchaId").asText()).put("captchaAnswer", "OPENSSPR"));
    }

    JsonNode choose(String method) {
        return post("/reset/flows/method", withTicket().put("method", method));
    }

    JsonNode proveCode(String code) {
        return post("/reset/flows/prove", withTicket().put("code", code));
    }

    JsonNode answer(Map<String, String> answers) {
        ObjectNode body = withTicket();
        ObjectNode node = body.putObject("answers");
        answers.forEach(node::put);
        return post("/reset/flows/prove", body);
    }

    JsonNode password(String password) {
        return post("/reset/flows/password", withTicket().put("newPassword", password));
    }

    JsonNode unlock() {
        return post("/reset/flows/unlock", withTicket());
    }

    String step() {
        return last.path("step").path("step").asText();
    }

    /** The newest 8-digit code in the test-mode outbox for this address. */
    String codeSentTo(String address) {
        try {
            JsonNode outbox = JSON.readTree(server.get("/api/v1/test/outbox?limit=1000", null).body());
            for (JsonNode message : outbox) {
                if (message.path("recipient").asText().equals(address)) {
                    Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(message.path("body").asText());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            throw new AssertionError("No code was sent to " + address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code a call reads out ("1, 2, 3, …"): its first eight digits. */
    String codeFromSpoken(String script) {
        String digits = script.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            throw new AssertionError("No code is read out in: " + script);
        }
        return digits.substring(0, 8);
    }

    /** How many messages the test-mode outbox holds. */
    int outboxSize() {
        try {
            return JSON.readTree(server.get("/api/v1/test/outbox", null).body()).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String path, ObjectNode body) {
        return server.sendFrom(from, "POST", "/api/v1" + path, kioskCredential, "application/json",
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean isBusy(HttpResponse<String> response) {
        return response.statusCode() == 503 && response.body().contains("\"BUSY\"");
    }

    ObjectNode withTicket() {
        return JSON.createObjectNode().put("ticket", ticket);
    }

    /** Posts as the kiosk's client does: a BUSY answer (nothing was done, ADR 28) is sent again after Retry-After. */
    JsonNode post(String path, ObjectNode body) {
        HttpResponse<String> response = send(path, body);
        for (int again = 1; again < 4 && isBusy(response); again++) {
            try {
                Thread.sleep(java.time.Duration.ofSeconds(Long.parseLong(
                        response.headers().firstValue("Retry-After").orElse("1"))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = send(path, body);
        }
        lastStatus = response.statusCode();
        try {
            JsonNode node = JSON.readTree(response.body());
            if (response.statusCode() < 300) {
                last = node;
                ticket = node.path("ticket").asText();
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
