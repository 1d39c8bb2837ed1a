package org.opensspr.server.delivery.gateway;

import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.delivery.Courier;
import org.opensspr.server.delivery.DeliveryException;
import org.opensspr.server.delivery.QueuedMessage;
import org.opensspr.server.phone.PhoneNumber;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Texts and calls through a Twilio-compatible REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * for an SMS, {@code .../Calls.json} with inline TwiML for a call (the office phone's extension dialled as
 * digits once it answers), HTTP basic auth with the account SID and auth token. A status callback URL, when
 * set, lets the provider report what became of each message.
 */
public final class TwilioGateway implements Courier {
    private final TwilioSettings settings;
    private final OkHttpClient client;

    public TwilioGateway(TwilioSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = GatewayCalls.client(settings.timeout());
    }

    @Override
    public void deliver(QueuedMessage message) throws DeliveryException {
        PhoneNumber to;
        try {
            to = PhoneNumber.fromStored(message.recipient());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("The queued number is malformed");
        }
        FormBody.Builder form = new FormBody.Builder().add("To", to.e164()).add("From", settings.from());
        String resource;
        if (message.channel() == Channel.SMS) {
            resource = "Messages.json";
            form.add("Body", message.body());
        } else if (message.channel() == Channel.VOICE) {
            resource = "Calls.json";
            form.add("Twiml", twiml(message.body(), message.language()));
            if (!to.extension().isEmpty()) {
                // Each w waits half a second for the switchboard before the extension's digits.
                form.add("SendDigits", "wwww" + to.extension());
            }
        } else {
            throw DeliveryException.permanent("A Twilio gateway carries texts and calls, not " + message.channel());
        }
        if (settings.statusCallback() != null) {
            form.add("StatusCallback", TwilioStatusCallbacks.callbackFor(settings.statusCallback(), message.id()));
        }
        HttpUrl url = settings.baseUrl().newBuilder().addPathSegment("2010-04-01").addPathSegment("Accounts")
                .addPathSegment(settings.accountSid()).addPathSegment(resource).build();
        Request request = new Request.Builder().url(url)
                .header("Authorization", Credentials.basic(settings.accountSid(), settings.authToken()))
                .header("Idempotency-Key", "opensspr-" + message.id() + "-" + message.queuedAt().toEpochMilli())
                .post(form.build()).build();
        GatewayCalls.call(client, request, "The SMS/voice gateway");
    }

    /** The call's script, read in the person's language (Twilio's voices take tags such as en-US, es-ES). */
    static String twiml(String script, String language) {
        String lang = language == null || language.isBlank() ? "en-US" : Locale.forLanguageTag(language).toLanguageTag();
        return "<Response><Say language=\"" + escape(lang) + "\">" + escape(script) + "</Say></Response>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /**
     * @param baseUrl        https://api.twilio.com, or a compatible provider's
     * @param from           the sending number, E.164
     * @param statusCallback where the provider reports delivery, without the query (null: no reports)
     */
    public record TwilioSettings(HttpUrl baseUrl, String accountSid, String authToken, String from,
                                 String statusCallback, Duration timeout) {
        /** The same settings reporting to {@code callback}. */
        public TwilioSettings reportingTo(String callback) {
            return new TwilioSettings(baseUrl, accountSid, authToken, from, callback, timeout);
        }

        @Override
        public String toString() {
            return "TwilioSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=<redacted>, from="
                    + from + "]";
        }
    }
}
