package org.opensspr.server.delivery.gateway;

import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the provider reports after it took a text or call: a carrier that dropped a text, a call nobody
 * answered. Only a request signed as Twilio signs them ({@code X-Twilio-Signature}: HMAC-SHA1 under the auth
 * token of the callback URL followed by every form field, name then value, sorted by name) is read; a
 * failure it reports fails the outbox message after the fact.
 */
public final class TwilioStatusCallbacks {
    /** Below the API prefix; the outbox id rides in the query. */
    public static final String PATH = "/delivery/twilio/status";
    private static final Set<String> FAILED = Set.of("failed", "undelivered", "busy", "no-answer", "canceled");
    private static final int MAX_BODY = 8 * 1024;

    /** Marks outbox message {@code id} failed, after it was handed over, and tells whoever must hear. */
    @FunctionalInterface
    public interface CarrierFailure {
        void failed(long outboxId, String reason);
    }

    private final String callbackBase;
    private final String authToken;
    private final CarrierFailure failure;

    /** {@code callbackBase}: the callback URL as the provider calls it, without the query. */
    public TwilioStatusCallbacks(String callbackBase, String authToken, CarrierFailure failure) {
        this.callbackBase = callbackBase;
        this.authToken = authToken;
        this.failure = failure;
    }

    /** The URL given with outbox message {@code id}. */
    public static String callbackFor(String callbackBase, long id) {
        return callbackBase + "?outbox=" + id;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.<Object>route(HandlerType.POST, PATH,
                        "The SMS/voice provider reports what became of a text or call (signed)", Access.PUBLIC)
                .rawBody("application/x-www-form-urlencoded", MAX_BODY)
                .errors(ErrorCode.UNAUTHENTICATED, ErrorCode.INVALID_VALUE)
                .query(org.opensspr.server.http.QueryParam.text("outbox", "the outbox message the report is about"))
                .handle(r -> {
                    String outbox = r.query("outbox").orElse("");
                    if (!outbox.matches("[0-9]{1,18}")) {
                        throw ApiException.field(ErrorCode.INVALID_VALUE, "outbox", "Not a message of this server.");
                    }
                    if (authToken == null) {
                        throw new ApiException(ErrorCode.UNAUTHENTICATED, "This server takes no delivery reports.");
                    }
                    Map<String, String> fields = form(r.rawBody());
                    String expected = signature(callbackFor(callbackBase, Long.parseLong(outbox)), fields);
                    String given = r.header("X-Twilio-Signature").orElse("");
                    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                            given.getBytes(StandardCharsets.US_ASCII))) {
                        throw new ApiException(ErrorCode.UNAUTHENTICATED, "The callback's signature doesn't match.");
                    }
                    String status = fields.getOrDefault("MessageStatus", fields.getOrDefault("CallStatus", ""));
                    if (FAILED.contains(status)) {
                        String code = fields.getOrDefault("ErrorCode", "");
                        failure.failed(Long.parseLong(outbox), "The provider reports the message " + status
                                + (code.isEmpty() ? "" : " (error " + code + ")"));
                    }
                    return null;
                }));
    }

    /** Twilio's request signature of {@code url} with {@code fields}. */
    String signature(String url, Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new TreeMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }
}
