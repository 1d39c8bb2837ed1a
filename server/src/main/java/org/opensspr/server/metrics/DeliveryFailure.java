package org.opensspr.server.metrics;

/** Why an outbox message was not handed over: the {@code reason} of {@code opensspr_delivery_failures_total}. */
public enum DeliveryFailure {
    /** No courier for the channel on this server (say, texts without a gateway). */
    NO_COURIER,
    /** The queued message could not be read back (its sealed body doesn't open). */
    MALFORMED,
    /** The relay or provider refused it for good (a permanent error). */
    REFUSED,
    /** A passing error (timeout, 5xx, 429): the message is tried again later. */
    TEMPORARY,
    /** A passing error on the last allowed attempt: the message fails for good. */
    RETRIES_EXHAUSTED,
    /** Its code expired while it waited, so it is never sent late. */
    EXPIRED,
    /** The provider took it, then reported it undelivered. */
    LOST_AFTER_HANDOVER
}
