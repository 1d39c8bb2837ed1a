package org.opensspr.api;

import java.time.Instant;

/** A message the server queued for delivery, as the outbox shows it. */
public record OutboxMessageDto(long id, String channel, String recipient, String subject, String body,
                               String status, int attempts, Instant createdAt, @OptionalField Instant sentAt, String lastError) {
}
