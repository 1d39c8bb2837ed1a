package org.opensspr.server.delivery;

/** Delivers one queued email: over SMTP, or into the local outbox directory. */
public interface MailSender {
    /**
     * Delivers the message or says why not. Called by one {@link DeliveryWorker} thread at a time per
     * server, outside any database transaction.
     */
    void send(QueuedEmail email) throws DeliveryException;
}
