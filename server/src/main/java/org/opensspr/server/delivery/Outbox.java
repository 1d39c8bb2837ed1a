package org.opensspr.server.delivery;

import org.jooq.DSLContext;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.tables.records.OutboxMessageRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The durable queue in front of every mail the server sends. {@link #enqueue} writes inside the
 * caller's transaction, so a verification code is queued only if the step that issued it commits —
 * and then it is delivered by a {@link DeliveryWorker} even if this server stops right after.
 */
public final class Outbox {
    /** The {@link SecretBox} purpose of the body of a message that carries a secret. */
    static final String SEALED_BODY = "outbox_message.body";

    private final Clock clock;
    private final SecretBox secrets;

    /** {@code secrets}: the server's key, which seals the bodies that carry a secret. */
    public Outbox(Clock clock, SecretBox secrets) {
        this.clock = clock;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Queues the message for delivery now, in {@code tx}; returns its outbox id. */
    public long enqueue(DSLContext tx, EmailMessage message) {
        return OutboxRepository.insertEmail(tx, message, clock.instant(), null);
    }

    /**
     * Queues a message that carries a secret (a verification code) good until {@code secretUntil}.
     * The outbox keeps the secret no longer than that, and not at all once a relay took the message
     * ({@link DeliveryWorker#forgetExpiredSecrets}). Meanwhile its body is stored sealed with the
     * server's key: blanking a row doesn't wipe the bytes the database wrote before (free pages of the
     * H2 file, PostgreSQL's old row versions and log, backups), so they never hold the code in clear.
     */
    public long enqueueSecret(DSLContext tx, EmailMessage message, Instant secretUntil) {
        EmailMessage sealed = new EmailMessage(message.to(), message.subject(),
                secrets.seal(message.textBody(), SEALED_BODY));
        return OutboxRepository.insertEmail(tx, sealed, clock.instant(), Objects.requireNonNull(secretUntil));
    }

    /**
     * Queues a text, call or notification that carries a secret good until {@code secretUntil}, sealed as
     * {@link #enqueueSecret(DSLContext, EmailMessage, Instant)} seals mail. {@code language}: the BCP 47 tag
     * a call speaks in.
     */
    public long enqueueSecret(DSLContext tx, Channel channel, String recipient, String subject, String body,
                              String language, Instant secretUntil) {
        if (channel == Channel.EMAIL) {
            throw new IllegalArgumentException("Mail is queued as an EmailMessage");
        }
        return OutboxRepository.insert(tx, channel, recipient, subject, secrets.seal(body, SEALED_BODY),
                language == null ? "" : language, clock.instant(), Objects.requireNonNull(secretUntil));
    }

    /** The text of a row's body: a secret's opened while the outbox keeps it, blank once forgotten. */
    public String text(OutboxMessageRecord row) {
        return text(row.getBody(), row.getSecretUntil() != null);
    }

    /** A row as its recipient gets the message (a sealed body opened), for those allowed to read the outbox. */
    public OutboxMessageDto asReceived(OutboxMessageRecord row) {
        return new OutboxMessageDto(row.getId(), row.getChannel(), row.getRecipient(), row.getSubject(), text(row),
                row.getStatus(), row.getAttempts(), row.getCreatedAt().toInstant(),
                row.getSentAt() == null ? null : row.getSentAt().toInstant(), row.getLastError());
    }

    String text(String storedBody, boolean secret) {
        return secret && !storedBody.isEmpty() ? secrets.openString(storedBody, SEALED_BODY) : storedBody;
    }

    /** Queues each message, in {@code tx}; returns their ids in order. */
    public List<Long> enqueueAll(DSLContext tx, List<EmailMessage> messages) {
        return messages.stream().map(message -> enqueue(tx, message)).toList();
    }

    /** Counts by status, the oldest waiting message and the latest failure. */
    public DeliveryStatus status(DSLContext dsl) {
        return OutboxRepository.status(dsl);
    }

    /** For housekeeping: forgets sent and failed messages queued longer ago than {@code age}. */
    public int purgeFinishedOlderThan(DSLContext dsl, Duration age) {
        return OutboxRepository.purgeFinishedBefore(dsl, clock.instant().minus(age));
    }
}
