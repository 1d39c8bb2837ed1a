package org.opensspr.server.delivery.gateway;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opensspr.server.delivery.DeliveryException;

import java.io.IOException;
import java.time.Duration;

/**
 * One HTTP call to a gateway, its outcome sorted the way the outbox needs it: 2xx delivered; 408, 429
 * and 5xx (and no answer at all) worth another try; any other refusal permanent. The error names the
 * gateway's status and reason, never the message's text (it may carry a code).
 */
final class GatewayCalls {
    private static final int MAX_REASON = 300;

    private GatewayCalls() {
    }

    static OkHttpClient client(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2)).followRedirects(false).retryOnConnectionFailure(false).build();
    }

    /** Sends {@code request}; returns the response body of a 2xx. */
    static String call(OkHttpClient client, Request request, String gateway) throws DeliveryException {
        try (Response response = client.newCall(request).execute()) {
            String body = response.body().string();
            if (response.isSuccessful()) {
                return body;
            }
            int status = response.code();
            String reason = gateway + " refused the message: HTTP " + status + " " + shortened(body);
            if (status == 408 || status == 429 || status >= 500) {
                throw DeliveryException.temporary(reason);
            }
            throw DeliveryException.permanent(reason);
        } catch (IOException e) {
            throw DeliveryException.temporary(gateway + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static String shortened(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON) + "…";
    }
}
