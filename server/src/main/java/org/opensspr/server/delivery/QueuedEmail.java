package org.opensspr.server.delivery;

import java.time.Instant;

/**
 * An outbox row handed to a {@link MailSender}: the message plus the row's identity, which names the
 * {@code .eml} file and gives every attempt the same Message-ID (so a receiving server can drop a
 * duplicate when an attempt's outcome was lost).
 */
public record QueuedEmail(long id, Instant queuedAt, EmailMessage message) {
}
