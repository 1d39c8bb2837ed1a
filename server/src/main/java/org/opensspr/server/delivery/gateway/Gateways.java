package org.opensspr.server.delivery.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS/voice gateway (Twilio-compatible or a JSON webhook, not both) and the push service, with where
 * phones reach this server. All null: the embedded default
 * (with no mail relay either, the outbox carries every channel).
 *
 * @param publicUrl     the server's address as phones see it (the notification's answer links); null: its own URL
 */
public record Gateways(TwilioGateway.TwilioSettings twilio, WebhookGateway.WebhookSettings webhook,
                       NtfyPublisher.NtfySettings ntfy, URI publicUrl) {
    public static final Gateways NONE = new Gateways(null, null, null, null);

    public boolean any() {
        return twilio != null || webhook != null || ntfy != null;
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (twilio != null && webhook != null) {
            problems.add("Choose one SMS/voice gateway: --twilio-account-sid or --sms-webhook-url, not both.");
        }
        if (twilio != null) {
            if (twilio.accountSid() == null || !twilio.accountSid().matches("[A-Za-z0-9]{2,64}")) {
                problems.add("--twilio-account-sid must be the account's SID (letters and digits).");
            }
            if (twilio.authToken() == null || twilio.authToken().isBlank()) {
                problems.add("The Twilio auth token is missing: set the environment variable --twilio-auth-token-env names.");
            }
            if (twilio.from() == null || !twilio.from().matches("\\+[1-9][0-9]{6,14}")) {
                problems.add("--twilio-from must be the sending number in E.164, such as +14155550100.");
            }
        }
        if (publicUrl != null && (publicUrl.getScheme() == null || !publicUrl.getScheme().matches("https?")
                || publicUrl.getHost() == null)) {
            problems.add("--public-url must be an http(s) URL such as https://sspr.example.com:8443.");
        }
        return problems;
    }
}
