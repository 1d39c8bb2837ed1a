package org.opensspr.server.delivery;

import java.io.IOException;
import java.time.Instant;

/**
 * Delivers queued messages of one channel: a mail relay, an SMS/voice gateway, a push service, or the
 * embedded default's outbox. Called by one {@link DeliveryWorker} thread at a time, outside any transaction.
 */
public interface Courier {
    /** Delivers the message or says why not (permanent: retrying can't help). */
    void deliver(QueuedMessage message) throws DeliveryException;

    /**
     * True when a delivered message stays readable on this server (the outbox, .eml files): then a secret
     * in it stays until it expires. A gateway hands the message on, so the outbox forgets it at once.
     */
    default boolean keepsCopies() {
        return false;
    }

    /** Removes this server's copy of outbox message {@code id}, if it kept one apart from the row. */
    default void forget(long id, Instant queuedAt) throws IOException {
    }

    /** A mail sender as the courier of the EMAIL channel. */
    static Courier mail(MailSender sender) {
        return new Courier() {
            @Override
            public void deliver(QueuedMessage message) throws DeliveryException {
                EmailMessage email;
                try {
                    email = new EmailMessage(message.recipient(), message.subject(), message.body());
                } catch (IllegalArgumentException e) {
                    throw DeliveryException.permanent("The queued message is malformed: " + e.getMessage());
                }
                sender.send(new QueuedEmail(message.id(), message.queuedAt(), email));
            }

            @Override
            public boolean keepsCopies() {
                return sender.keepsCopies();
            }

            @Override
            public void forget(long id, Instant queuedAt) throws IOException {
                sender.forget(id, queuedAt);
            }
        };
    }

    /**
     * The embedded default for texts, calls and notifications: nothing leaves the server; the row is the
     * message, which administrators and test mode read while its code is good.
     */
    static Courier outboxOnly() {
        return new Courier() {
            @Override
            public void deliver(QueuedMessage message) {
            }

            @Override
            public boolean keepsCopies() {
                return true;
            }
        };
    }
}
