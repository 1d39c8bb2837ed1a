package org.opensspr.server;

import org.opensspr.api.AuditActivity;
import org.opensspr.directory.Masking;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.delivery.Courier;
import org.opensspr.server.delivery.Couriers;
import org.opensspr.server.delivery.DeliveryWorker;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.OutboxOnlyMailSender;
import org.opensspr.server.delivery.SmtpMailSender;
import org.opensspr.server.delivery.gateway.Gateways;
import org.opensspr.server.delivery.gateway.NtfyPublisher;
import org.opensspr.server.delivery.gateway.TwilioGateway;
import org.opensspr.server.delivery.gateway.TwilioStatusCallbacks;
import org.opensspr.server.delivery.gateway.WebhookGateway;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.phone.PhoneNumber;
import org.opensspr.server.phone.PhoneNumbers;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How the configuration becomes delivery: the courier of each channel, the provider's reports, audited failures. */
final class DeliverySetup {
    private DeliverySetup() {
    }

    /**
     * Who carries each channel. With no relay or gateway at all (the embedded default) the outbox carries
     * everything; once any is configured, a channel without its own can't deliver, so its methods don't count.
     */
    static Couriers couriers(ServerConfig config, Clock clock) {
        Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);
        if (config.embeddedDelivery()) {
            couriers.put(Channel.EMAIL, Courier.mail(
                    new OutboxOnlyMailSender(config.dataDirectory(), MailFrom.OUTBOX_DEFAULT, clock)));
            for (Channel channel : List.of(Channel.SMS, Channel.VOICE, Channel.PUSH)) {
                couriers.put(channel, Courier.outboxOnly());
            }
            return Couriers.of(couriers);
        }
        Gateways gateways = config.gateways();
        if (config.smtp() != null) {
            couriers.put(Channel.EMAIL, Courier.mail(new SmtpMailSender(config.smtp(), clock)));
        }
        Courier phones = gateways.twilio() != null ? new TwilioGateway(twilioReporting(config))
                : gateways.webhook() != null ? new WebhookGateway(gateways.webhook()) : null;
        if (phones != null) {
            couriers.put(Channel.SMS, phones);
            couriers.put(Channel.VOICE, phones);
        }
        if (gateways.ntfy() != null) {
            couriers.put(Channel.PUSH, new NtfyPublisher(gateways.ntfy()));
        }
        return Couriers.of(couriers);
    }

    /** A message that will never arrive is an event administrators must see: who was not reached, and why. */
    static DeliveryWorker.FailureListener auditing(AuditLog audit, Database database) {
        return (id, channel, recipient, error) -> {
            String target = switch (channel) {
                case EMAIL -> Masking.email(recipient);
                case SMS, VOICE -> PhoneNumbers.masked(PhoneNumber.fromStored(recipient));
                case PUSH -> "an Authenticator app";
            };
            audit.append(database.dsl(), AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "(server)",
                    target, "delivery failed").withDetails(channel + " message not delivered [outbox " + id + "]: " + error));
        };
    }

    /** Reports are read only when Twilio reports here: signed with its auth token, to the URL it was given. */
    static TwilioStatusCallbacks twilioCallbacks(ServerConfig config, DeliveryWorker delivery) {
        TwilioGateway.TwilioSettings twilio = config.gateways().twilio() == null ? null : twilioReporting(config);
        if (twilio == null || twilio.statusCallback() == null) {
            return new TwilioStatusCallbacks("", null, (id, reason) -> {
            });
        }
        return new TwilioStatusCallbacks(twilio.statusCallback(), twilio.authToken(), delivery::failedAfterHandover);
    }

    /**
     * Twilio reports what became of each message to the public URL — only when one is configured: the
     * provider can't reach a server that knows no address of its own but loopback.
     */
    private static TwilioGateway.TwilioSettings twilioReporting(ServerConfig config) {
        TwilioGateway.TwilioSettings twilio = config.gateways().twilio();
        URI publicUrl = config.gateways().publicUrl();
        return twilio.statusCallback() != null || publicUrl == null ? twilio
                : twilio.reportingTo(publicUrl.toString().replaceAll("/+$", "") + ApiServerFactory.API_PREFIX
                        + TwilioStatusCallbacks.PATH);
    }
}
