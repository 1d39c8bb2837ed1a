package org.opensspr.server.delivery;

import java.time.Instant;

/**
 * An outbox row handed to a {@link Courier}, its secret (if any) opened: the row's id names its copies and
 * lets a gateway drop a duplicate; {@code language} is the BCP 47 tag a call speaks (empty otherwise).
 */
public record QueuedMessage(long id, Instant queuedAt, Channel channel, String recipient, String subject, String body,
                            String language) {
    @Override
    public String toString() {
        return "QueuedMessage[id=" + id + ", channel=" + channel + "]";
    }
}
