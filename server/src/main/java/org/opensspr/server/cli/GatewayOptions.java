package org.opensspr.server.cli;

import okhttp3.HttpUrl;
import org.opensspr.server.delivery.gateway.Gateways;
import org.opensspr.server.delivery.gateway.NtfyPublisher;
import org.opensspr.server.delivery.gateway.TwilioGateway;
import org.opensspr.server.delivery.gateway.WebhookGateway;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;

/** {@code --twilio-*}, {@code --sms-webhook-*}, {@code --ntfy-*}: texts, calls and app notifications. Secrets come from the environment. */
final class GatewayOptions {
    @Option(names = "--twilio-url", paramLabel = "URL", description = "A Twilio-compatible API's base URL (default: ${DEFAULT-VALUE}).")
    String twilioUrl = "https://api.twilio.com";

    @Option(names = "--twilio-account-sid", paramLabel = "SID", description = "Send texts and calls through a Twilio-compatible API with this account.")
    String twilioAccountSid;

    @Option(names = "--twilio-auth-token-env", paramLabel = "VAR", defaultValue = "OPENSSPR_TWILIO_TOKEN",
            description = "Environment variable holding the auth token (default: ${DEFAULT-VALUE}).")
    String twilioTokenVariable;

    @Option(names = "--twilio-from", paramLabel = "NUMBER", description = "The number texts and calls come from, E.164.")
    String twilioFrom;

    @Option(names = "--sms-webhook-url", paramLabel = "URL", description = "Send texts and calls as JSON to this webhook instead.")
    String webhookUrl;

    @Option(names = "--sms-webhook-token-env", paramLabel = "VAR", defaultValue = "OPENSSPR_SMS_WEBHOOK_TOKEN",
            description = "Environment variable holding the webhook's bearer token (default: ${DEFAULT-VALUE}).")
    String webhookTokenVariable;

    @Option(names = "--ntfy-url", paramLabel = "URL", description = "Publish app notifications to this ntfy-compatible server.")
    String ntfyUrl;

    @Option(names = "--ntfy-token-env", paramLabel = "VAR", defaultValue = "OPENSSPR_NTFY_TOKEN",
            description = "Environment variable holding the ntfy access token (default: ${DEFAULT-VALUE}).")
    String ntfyTokenVariable;

    @Option(names = "--public-url", paramLabel = "URL", description = "This server's address as phones see it (default: its own URL).")
    String publicUrl;

    @Option(names = "--gateway-timeout", paramLabel = "SECONDS", description = "Connect, read and write timeout (default 10).")
    int timeoutSeconds = 10;

    Gateways gateways() {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        TwilioGateway.TwilioSettings twilio = twilioAccountSid == null ? null : new TwilioGateway.TwilioSettings(
                url("--twilio-url", twilioUrl), twilioAccountSid, env(twilioTokenVariable), twilioFrom, null, timeout);
        WebhookGateway.WebhookSettings webhook = webhookUrl == null ? null
                : new WebhookGateway.WebhookSettings(url("--sms-webhook-url", webhookUrl), env(webhookTokenVariable), timeout);
        NtfyPublisher.NtfySettings ntfy = ntfyUrl == null ? null
                : new NtfyPublisher.NtfySettings(url("--ntfy-url", ntfyUrl), env(ntfyTokenVariable), timeout);
        return new Gateways(twilio, webhook, ntfy, publicUrl == null ? null : uri(publicUrl));
    }

    private static String env(String variable) {
        return variable == null ? null : System.getenv(variable);
    }

    private static HttpUrl url(String option, String text) {
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RunCommand()),
                    option + " must be an http(s) URL; '" + text + "' is not one.");
        }
        return url;
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RunCommand()),
                    "--public-url must be an http(s) URL; '" + text + "' is not one.");
        }
    }
}
