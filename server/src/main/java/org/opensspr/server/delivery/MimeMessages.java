package org.opensspr.server.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the RFC 5322 message both senders deliver, so an {@code .eml} in the outbox is exactly what
 * SMTP would have sent: UTF-8 text, the sender's display name, a Message-ID that stays the same across
 * retries, and "Auto-Submitted" so that out-of-office replies don't answer a machine.
 */
final class MimeMessages {
    private MimeMessages() {
    }

    static MimeMessage build(Session session, MailFrom from, QueuedEmail email, Instant date) throws DeliveryException {
        InternetAddress recipient = recipient(email.message().to());
        try {
            MimeMessage message = new StableIdMessage(session, messageId(from, email));
            message.setFrom(from.internetAddress());
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(email.message().subject(), StandardCharsets.UTF_8.name());
            message.setText(email.message().textBody(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(date));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw DeliveryException.permanent("The message could not be built: " + e.getMessage());
        }
    }

    static InternetAddress recipient(String to) throws DeliveryException {
        try {
            InternetAddress address = new InternetAddress(to, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw DeliveryException.permanent("The recipient address '" + to + "' is not a valid email address.");
        }
    }

    static String messageId(MailFrom from, QueuedEmail email) {
        return "<opensspr." + email.id() + "." + email.queuedAt().toEpochMilli() + "@" + from.domain() + ">";
    }

    /** Jakarta Mail would invent a new Message-ID on every save; this one keeps the outbox's. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
