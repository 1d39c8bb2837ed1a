package org.opensspr.server.delivery;

import java.io.IOException;
import java.time.Instant;

/** Delivers one queued email: over SMTP, or into the local outbox directory. */
public interface MailSender {
    /**
     * Delivers the message or says why not. Called by one {@link DeliveryWorker} thread at a time per
     * server, outside any database transaction.
     */
    void send(QueuedEmail email) throws DeliveryException;

    /**
     * True when a delivered message stays readable on this server, where people read it: then a secret
     * in it stays (in that copy and in the outbox) until it expires. A relay hands the message on, so
     * the outbox forgets a secret as soon as the relay took it.
     */
    default boolean keepsCopies() {
        return false;
    }

    /** Removes this server's copy of outbox message {@code id}, queued at {@code queuedAt}, if it kept one. */
    default void forget(long id, Instant queuedAt) throws IOException {
    }
}
