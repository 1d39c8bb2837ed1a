package org.opensspr.server.delivery;

import org.opensspr.server.crypto.SealedSecretException;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.tables.records.OutboxMessageRecord;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/** Queuing happens inside the caller's transaction; status and purge read the rows as they are. */
class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-05T14:30:00.123456789Z");
    private static final EmailMessage CODE = new EmailMessage("ana@fabrikam.example", "Contoso account verification code",
            "Your Contoso verification code is 12345678");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
    private final Outbox outbox = new Outbox(clock, SecretBox.withKey(new byte[SecretBox.KEY_BYTES]));

    @OnBothDatabases
    void enqueueWritesAQueuedEmailDueNow(Database db) {
        long id = db.inTransaction(tx -> outbox.enqueue(tx, CODE));

        OutboxMessageRecord row = db.dsl().selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id)).fetchOne();
        assertThat(row.getChannel()).isEqualTo("EMAIL");
        assertThat(row.getRecipient()).isEqualTo(CODE.to());
        assertThat(row.getSubject()).isEqualTo(CODE.subject());
        assertThat(row.getBody()).isEqualTo(CODE.textBody());
        assertThat(row.getStatus()).isEqualTo("QUEUED");
        assertThat(row.getAttempts()).isZero();
        Instant micros = Instant.parse("2026-11-05T14:30:00.123456Z");
        assertThat(row.getCreatedAt().toInstant()).isEqualTo(micros);
        assertThat(row.getNextAttemptAt().toInstant()).isEqualTo(micros);
        assertThat(row.getLastError()).isEmpty();
        assertThat(row.getSentAt()).isNull();
        assertThat(row.getLastAttemptAt()).isNull();
    }

    @OnBothDatabases
    void aSecretsBodyIsStoredSealedWithItsExpiryAndReadsBackInClear(Database db) {
        Instant until = T0.plus(Duration.ofMinutes(5));
        long id = db.inTransaction(tx -> outbox.enqueueSecret(tx, CODE, until));

        OutboxMessageRecord row = db.dsl().selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id)).fetchOne();
        assertThat(row.getBody()).doesNotContain("12345678");
        assertThat(row.getSubject()).isEqualTo(CODE.subject());
        assertThat(row.getSecretUntil().toInstant()).isEqualTo(Instant.parse("2026-11-05T14:35:00.123456Z"));
        assertThat(outbox.text(row)).isEqualTo(CODE.textBody());
        byte[] anotherKey = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(anotherKey);
        Outbox otherKey = new Outbox(clock, SecretBox.withKey(anotherKey));
        assertThatThrownBy(() -> otherKey.text(row)).isInstanceOf(SealedSecretException.class);

        long notice = db.inTransaction(tx -> outbox.enqueue(tx, CODE));
        OutboxMessageRecord plain = db.dsl().selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(notice)).fetchOne();
        assertThat(plain.getBody()).isEqualTo(CODE.textBody());
        assertThat(plain.getSecretUntil()).isNull();
        assertThat(outbox.text(plain)).isEqualTo(CODE.textBody());
    }

    @OnBothDatabases
    void aStepThatRollsBackQueuesNothing(Database db) {
        assertThatThrownBy(() -> db.inTransactionDo(tx -> {
            outbox.enqueueAll(tx, List.of(CODE, CODE));
            throw new IllegalStateException("the step failed after issuing its code");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.dsl().fetchCount(OUTBOX_MESSAGE)).isZero();
        assertThat(outbox.status(db.dsl())).isEqualTo(new DeliveryStatus(0, 0, 0, null, null));
    }

    @OnBothDatabases
    void purgeForgetsOldSentAndFailedMessagesButKeepsWaitingOnes(Database db) {
        List<Long> old = db.inTransaction(tx -> outbox.enqueueAll(tx, List.of(CODE, CODE, CODE)));
        clock.advance(Duration.ofDays(20));
        long recent = db.inTransaction(tx -> outbox.enqueue(tx, CODE));
        setStatus(db, old.get(0), OutboxStatus.SENT);
        setStatus(db, old.get(1), OutboxStatus.FAILED);
        setStatus(db, recent, OutboxStatus.SENT);
        clock.advance(Duration.ofDays(11));

        assertThat(outbox.purgeFinishedOlderThan(db.dsl(), Duration.ofDays(30))).isEqualTo(2);

        assertThat(db.dsl().select(OUTBOX_MESSAGE.ID).from(OUTBOX_MESSAGE).orderBy(OUTBOX_MESSAGE.ID)
                .fetch(OUTBOX_MESSAGE.ID)).containsExactly(old.get(2), recent);
    }

    private static void setStatus(Database db, long id, OutboxStatus status) {
        db.dsl().update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.STATUS, status.name()).where(OUTBOX_MESSAGE.ID.eq(id)).execute();
    }
}
