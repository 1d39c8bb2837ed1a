package org.opensspr.server.delivery;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.db.tables.records.OutboxMessageRecord;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * The outbox worker against GreenMail on both databases: delivery, retries with backoff while the
 * relay is down, giving up, permanent refusals, leases after a crash, and two servers sharing one
 * database without sending anything twice. The clock moves; nothing sleeps.
 */
class DeliveryWorkerTest {
    private static final Instant T0 = Instant.parse("2026-11-05T14:30:00Z");
    private static final MailFrom FROM = new MailFrom("sspr@contoso.example", "Contoso IT");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
    private final Outbox outbox = new Outbox(clock, SecretBox.withKey(new byte[SecretBox.KEY_BYTES]));

    private SmtpMailSender relay(int port) {
        return new SmtpMailSender(SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE, null, null, FROM), clock);
    }

    private SmtpMailSender greenMail() {
        return relay(GREEN_MAIL.getSmtp().getPort());
    }

    /** GreenMail through a relay that takes {@code each} (on the test's clock) per message. */
    private MailSender greenMailTaking(Duration each) {
        SmtpMailSender relay = greenMail();
        return email -> {
            relay.send(email);
            clock.advance(each);
        };
    }

    /** GreenMail, except that the message with {@code subject} breaks the sender's code (an {@code Error}). */
    private MailSender greenMailBreakingOn(String subject) {
        SmtpMailSender relay = greenMail();
        return email -> {
            if (email.message().subject().equals(subject)) {
                throw new NoClassDefFoundError("jakarta/mail/Transport");
            }
            relay.send(email);
        };
    }

    private long enqueue(Database db, String to, String subject) {
        return db.inTransaction(tx -> outbox.enqueue(tx, new EmailMessage(to, subject, "Body of " + subject)));
    }

    private static OutboxMessageRecord row(Database db, long id) {
        return db.dsl().selectFrom(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id)).fetchOne();
    }

    @OnBothDatabases
    void aQueuedMessageIsSentOnceAndMarkedSent(Database db) throws Exception {
        long id = enqueue(db, "ana@fabrikam.example", "Hello");
        DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMail(), clock);

        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));
        assertThat(worker.deliverDueNow().attempted()).isZero();

        OutboxMessageRecord row = row(db, id);
        assertThat(row.getStatus()).isEqualTo("SENT");
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getSentAt().toInstant()).isEqualTo(T0);
        assertThat(row.getLastAttemptAt().toInstant()).isEqualTo(T0);
        assertThat(row.getLastError()).isEmpty();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Hello");
    }

    @OnBothDatabases
    void whileTheRelayIsDownTheMessageWaitsAndGoesOutOnceItIsBackAndTheBackoffPassed(TestDatabases kind) {
        int port = freePort();
        GreenMail later = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (Database db = kind.fresh()) {
            long id = enqueue(db, "ana@fabrikam.example", "Your code");
            DeliveryWorker worker = new DeliveryWorker(db, outbox, relay(port), clock);

            assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(0, 1, 0));
            OutboxMessageRecord waiting = row(db, id);
            assertThat(waiting.getStatus()).isEqualTo("QUEUED");
            assertThat(waiting.getAttempts()).isEqualTo(1);
            assertThat(waiting.getNextAttemptAt().toInstant()).isEqualTo(T0.plusSeconds(30));
            assertThat(waiting.getLastError()).containsIgnoringCase("connect").contains(Integer.toString(port));
            DeliveryStatus status = outbox.status(db.dsl());
            assertThat(status.queued()).isEqualTo(1);
            assertThat(status.lastFailure().messageId()).isEqualTo(id);
            assertThat(status.lastFailure().error()).isEqualTo(waiting.getLastError());

            later.start();
            clock.advance(Duration.ofSeconds(29));
            assertThat(worker.deliverDueNow().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));

            assertThat(later.getReceivedMessages()).hasSize(1);
            OutboxMessageRecord sent = row(db, id);
            assertThat(sent.getStatus()).isEqualTo("SENT");
            assertThat(sent.getAttempts()).isEqualTo(2);
            assertThat(sent.getSentAt().toInstant()).isEqualTo(T0.plusSeconds(30));
            assertThat(sent.getLastError()).isEmpty();
            assertThat(outbox.status(db.dsl()).lastFailure()).isNull();
        } finally {
            later.stop();
        }
    }

    @OnBothDatabases
    void retriesBackOffUpToThirtyMinutesAndTheTenthFailureIsFinal(Database db) {
        long id = enqueue(db, "ana@fabrikam.example", "Never arrives");
        DeliveryWorker worker = new DeliveryWorker(db, outbox, relay(freePort()), clock);
        List<Duration> waits = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(30),
                Duration.ofMinutes(30), Duration.ofMinutes(30));

        for (Duration wait : waits) {
            assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(0, 1, 0));
            assertThat(row(db, id).getNextAttemptAt().toInstant()).isEqualTo(clock.instant().plus(wait));
            clock.advance(wait.minusSeconds(1));
            assertThat(worker.deliverDueNow().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(0, 0, 1));

        OutboxMessageRecord failed = row(db, id);
        assertThat(failed.getStatus()).isEqualTo("FAILED");
        assertThat(failed.getAttempts()).isEqualTo(10);
        assertThat(failed.getLastError()).containsIgnoringCase("connect");
        clock.advance(Duration.ofDays(1));
        assertThat(worker.deliverDueNow().attempted()).isZero();
        assertThat(outbox.status(db.dsl()).failed()).isEqualTo(1);
    }

    @OnBothDatabases
    void aCodeTheRelayCouldNotTakeBeforeItExpiredFailsBlankAndIsNeverSentLate(Database db) {
        long id = db.inTransaction(tx -> outbox.enqueueSecret(tx, new EmailMessage("ana@fabrikam.example",
                "Your code", "Your code is 31415926"), T0.plus(Duration.ofMinutes(5))));
        DeliveryWorker down = new DeliveryWorker(db, outbox, relay(freePort()), clock);
        assertThat(down.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(0, 1, 0));
        clock.advance(Duration.ofMinutes(4));
        down.deliverDueNow();
        assertThat(outbox.text(row(db, id))).as("waiting, still good").contains("31415926");

        clock.advance(Duration.ofMinutes(1));
        DeliveryWorker back = new DeliveryWorker(db, outbox, greenMail(), clock);
        assertThat(back.deliverDueNow().attempted()).isZero();

        OutboxMessageRecord expired = row(db, id);
        assertThat(expired.getStatus()).isEqualTo("FAILED");
        assertThat(expired.getBody()).isEmpty();
        assertThat(expired.getLastError()).isEqualTo("Its code expired before it could be delivered");
        clock.advance(Duration.ofHours(1));
        assertThat(back.deliverDueNow().attempted()).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @OnBothDatabases
    void aNoticeKeepsItsTextOnceSentAndACodeDoesNot(Database db) {
        long notice = enqueue(db, "ana@fabrikam.example", "Your password was reset");
        long code = db.inTransaction(tx -> outbox.enqueueSecret(tx, new EmailMessage("ana@fabrikam.example",
                "Your code", "Your code is 27182818"), T0.plus(Duration.ofMinutes(5))));

        assertThat(new DeliveryWorker(db, outbox, greenMail(), clock).deliverDueNow()).isEqualTo(new DeliveryWorker.Round(2, 0, 0));

        assertThat(row(db, notice).getBody()).isEqualTo("Body of Your password was reset");
        assertThat(row(db, code).getBody()).isEmpty();
        assertThat(row(db, code).getStatus()).isEqualTo("SENT");
        assertThat(Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(GreenMailUtil::getBody))
                .anyMatch(body -> body.contains("27182818"));
    }

    @OnBothDatabases
    void aPermanentRefusalFailsAtOnceAndTheStatusShowsIt(Database db) {
        try (SmtpFront front = new SmtpFront(GREEN_MAIL.getSmtp().getPort(), SmtpFront.Mode.PLAIN, null,
                     address -> address.startsWith("gone@") ? "550 5.1.1 <" + address + ">: User unknown" : null)) {
            long good = enqueue(db, "ana@fabrikam.example", "Arrives");
            long gone = enqueue(db, "gone@fabrikam.example", "Refused");
            DeliveryWorker worker = new DeliveryWorker(db, outbox, relay(front.port()), clock);

            assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 1));

            assertThat(row(db, good).getStatus()).isEqualTo("SENT");
            OutboxMessageRecord refused = row(db, gone);
            assertThat(refused.getStatus()).isEqualTo("FAILED");
            assertThat(refused.getAttempts()).isEqualTo(1);
            assertThat(refused.getLastError()).contains("550 5.1.1").contains("User unknown");
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);

            clock.advance(Duration.ofSeconds(10));
            enqueue(db, "bea@fabrikam.example", "Waiting");
            DeliveryStatus status = outbox.status(db.dsl());
            assertThat(status.queued()).isEqualTo(1);
            assertThat(status.sent()).isEqualTo(1);
            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.oldestQueuedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(status.lastFailure()).isEqualTo(new DeliveryStatus.Failure(gone, OutboxStatus.FAILED, 1, T0,
                    refused.getLastError()));
        }
    }

    @OnBothDatabases
    void aMessageClaimedByAServerThatDiedIsSentAfterTheLease(Database db) {
        long id = enqueue(db, "ana@fabrikam.example", "Orphaned");
        Duration lease = RetrySchedule.DEFAULT.lease();
        List<OutboxRepository.Due> due = OutboxRepository.due(db.dsl(), T0, 10);
        assertThat(OutboxRepository.claim(db.dsl(), due, T0, T0.plus(lease))).containsExactly(id);
        assertThat(OutboxRepository.claim(db.dsl(), due, T0, T0.plus(lease))).as("claimed once").isEmpty();
        DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMail(), clock);

        assertThat(worker.deliverDueNow().attempted()).isZero();
        clock.advance(lease);
        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));

        assertThat(row(db, id).getAttempts()).isEqualTo(2);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @OnBothDatabases
    void aRoundClaimsItsBatchInOneStatementAndMarksItsHandoversInAnother(Database db) {
        List<Long> ids = IntStream.range(0, 5).mapToObj(i -> enqueue(db, "user" + i + "@fabrikam.example", "Message " + i))
                .toList();
        long code = db.inTransaction(tx -> outbox.enqueueSecret(tx, new EmailMessage("ana@fabrikam.example",
                "Your code", "Your code is 16180339"), T0.plus(Duration.ofMinutes(5))));
        DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMail(), clock);
        long before = db.work().statements();

        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(6, 0, 0));

        // Secrets expired? Due rows? Claim them. Mark them sent. A claim and a mark per message made it fourteen.
        assertThat(db.work().statements() - before).isEqualTo(4);
        for (long id : ids) {
            OutboxMessageRecord sent = row(db, id);
            assertThat(sent.getStatus()).isEqualTo("SENT");
            assertThat(sent.getAttempts()).isEqualTo(1);
            assertThat(sent.getBody()).as("a notice keeps its text").startsWith("Body of Message");
        }
        assertThat(row(db, code).getStatus()).isEqualTo("SENT");
        assertThat(row(db, code).getBody()).as("the relay took the code away").isEmpty();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(6);
    }

    @OnBothDatabases
    void whatARoundCouldNotSendWithinHalfItsLeaseGoesBackUnsentAndUncounted(Database db) {
        long first = enqueue(db, "ana@fabrikam.example", "First");
        long second = enqueue(db, "bea@fabrikam.example", "Second");
        long third = enqueue(db, "cai@fabrikam.example", "Third");
        // Past half of the 5-minute lease.
        DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMailTaking(Duration.ofMinutes(3)), clock);

        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));

        assertThat(row(db, first).getStatus()).isEqualTo("SENT");
        for (long id : List.of(second, third)) {
            OutboxMessageRecord back = row(db, id);
            assertThat(back.getStatus()).isEqualTo("QUEUED");
            assertThat(back.getAttempts()).as("the attempt that never happened isn't counted").isZero();
            assertThat(back.getNextAttemptAt().toInstant()).as("due again at once").isEqualTo(T0.plus(Duration.ofMinutes(3)));
        }
        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));
        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));
        assertThat(List.of(first, second, third)).allSatisfy(id -> {
            assertThat(row(db, id).getStatus()).isEqualTo("SENT");
            assertThat(row(db, id).getAttempts()).isEqualTo(1);
        });
        assertThat(Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(DeliveryWorkerTest::subject))
                .containsExactly("First", "Second", "Third");
    }

    @OnBothDatabases
    void aSlowHandoverHasTheBatchsHandoversMarkedSentBeforeTheNextSend(Database db) {
        long first = enqueue(db, "ana@fabrikam.example", "First");
        long second = enqueue(db, "bea@fabrikam.example", "Second");
        enqueue(db, "cai@fabrikam.example", "Third");
        SmtpMailSender relay = greenMail();
        List<String> seenWhileSendingTheThird = new java.util.ArrayList<>();
        MailSender slow = email -> {
            if (email.message().subject().equals("Third")) {
                seenWhileSendingTheThird.add(row(db, first).getStatus());
                seenWhileSendingTheThird.add(row(db, second).getStatus());
            }
            relay.send(email);
            clock.advance(Duration.ofSeconds(2));
        };

        assertThat(new DeliveryWorker(db, outbox, slow, clock).deliverDueNow()).isEqualTo(new DeliveryWorker.Round(3, 0, 0));

        assertThat(seenWhileSendingTheThird).containsExactly("SENT", "SENT");
        assertThat(db.dsl().fetchCount(OUTBOX_MESSAGE, OUTBOX_MESSAGE.STATUS.eq("SENT"))).isEqualTo(3);
    }

    @OnBothDatabases
    void aCodeThatExpiresWhileItsBatchIsSentFailsInsteadOfGoingOutLate(Database db) {
        long notice = enqueue(db, "ana@fabrikam.example", "Your password was reset");
        long code = db.inTransaction(tx -> outbox.enqueueSecret(tx, new EmailMessage("ana@fabrikam.example",
                "Your code", "Your code is 14142135"), T0.plus(Duration.ofMinutes(1))));
        // Within half the lease, past the code's expiry.
        DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMailTaking(Duration.ofMinutes(2)), clock);

        assertThat(worker.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 1));

        assertThat(row(db, notice).getStatus()).isEqualTo("SENT");
        OutboxMessageRecord expired = row(db, code);
        assertThat(expired.getStatus()).isEqualTo("FAILED");
        assertThat(expired.getLastError()).isEqualTo("Its code expired before it could be delivered");
        worker.deliverDueNow();
        assertThat(row(db, code).getBody()).as("blanked by the next round").isEmpty();
        assertThat(Arrays.stream(GREEN_MAIL.getReceivedMessages()).map(DeliveryWorkerTest::subject))
                .containsExactly("Your password was reset");
    }

    @OnBothDatabases
    void aCourierThatBreaksMidBatchKeepsItsMessageLeasedAndTheRestGoesBack(Database db) {
        long first = enqueue(db, "ana@fabrikam.example", "First");
        long second = enqueue(db, "bea@fabrikam.example", "Second");
        long third = enqueue(db, "cai@fabrikam.example", "Third");

        assertThatThrownBy(() -> new DeliveryWorker(db, outbox, greenMailBreakingOn("Second"), clock).deliverDueNow())
                .isInstanceOf(NoClassDefFoundError.class);

        assertThat(row(db, first).getStatus()).as("handed over before the break: marked").isEqualTo("SENT");
        OutboxMessageRecord broken = row(db, second);
        assertThat(broken.getStatus()).isEqualTo("QUEUED");
        assertThat(broken.getAttempts()).isEqualTo(1);
        assertThat(broken.getNextAttemptAt().toInstant()).as("it may have gone out: leased")
                .isEqualTo(T0.plus(RetrySchedule.DEFAULT.lease()));
        OutboxMessageRecord untried = row(db, third);
        assertThat(untried.getAttempts()).isZero();
        assertThat(untried.getNextAttemptAt().toInstant()).as("never tried: due again").isEqualTo(T0);
    }

    @OnBothDatabases
    void aServerWhoseLeaseRanOutCanNeitherMarkNorGiveBackWhatAnotherServerClaimed(Database db) {
        long id = enqueue(db, "ana@fabrikam.example", "Slow");
        Duration lease = RetrySchedule.DEFAULT.lease();
        List<OutboxRepository.Due> readByA = OutboxRepository.due(db.dsl(), T0, 10);
        assertThat(OutboxRepository.claim(db.dsl(), readByA, T0, T0.plus(lease))).containsExactly(id);
        Instant later = T0.plus(lease);
        List<OutboxRepository.Due> readByB = OutboxRepository.due(db.dsl(), later, 10);
        assertThat(OutboxRepository.claim(db.dsl(), readByB, later, later.plus(lease))).containsExactly(id);

        assertThat(OutboxRepository.markSent(db.dsl(), List.of(new OutboxRepository.Handover(readByA.getFirst(), false)),
                later)).isEmpty();
        assertThat(OutboxRepository.release(db.dsl(), readByA, later)).isZero();

        OutboxMessageRecord heldByB = row(db, id);
        assertThat(heldByB.getStatus()).isEqualTo("QUEUED");
        assertThat(heldByB.getAttempts()).isEqualTo(2);
        assertThat(heldByB.getNextAttemptAt().toInstant()).isEqualTo(later.plus(lease));
        assertThat(OutboxRepository.markSent(db.dsl(), List.of(new OutboxRepository.Handover(readByB.getFirst(), false)),
                later)).containsExactly(id);
    }

    @OnBothDatabases
    void twoServersOnOneDatabaseSendEveryMessageExactlyOnce(TestDatabases kind) throws Exception {
        String url = kind == TestDatabases.H2
                ? "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : TestDatabases.freshPostgresUrl();
        String user = kind == TestDatabases.H2 ? "sa" : "postgres";
        int messages = 40;
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try (Database first = Database.open(url, user, ""); Database second = Database.open(url, user, "")) {
            IntStream.range(0, messages).forEach(i -> enqueue(first, "user" + i + "@fabrikam.example", "Message " + i));
            List<DeliveryWorker> workers = List.of(
                    new DeliveryWorker(first, outbox, greenMail(), clock, RetrySchedule.DEFAULT, 5),
                    new DeliveryWorker(second, outbox, greenMail(), clock, RetrySchedule.DEFAULT, 5));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DeliveryWorker.Round>> rounds = workers.stream().map(worker -> servers.submit(() -> {
                start.await();
                return worker.deliverDueNow();
            })).toList();
            start.countDown();
            int sent = 0;
            for (Future<DeliveryWorker.Round> round : rounds) {
                DeliveryWorker.Round done = round.get(2, TimeUnit.MINUTES);
                assertThat(done.retrying() + done.failed()).isZero();
                sent += done.sent();
            }

            assertThat(sent).isEqualTo(messages);
            MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
            assertThat(Arrays.stream(received).map(DeliveryWorkerTest::subject).distinct()).hasSize(messages);
            assertThat(received).hasSize(messages);
            assertThat(first.dsl().fetchCount(OUTBOX_MESSAGE,
                    OUTBOX_MESSAGE.STATUS.eq("SENT").and(OUTBOX_MESSAGE.ATTEMPTS.eq(1)))).isEqualTo(messages);
        } finally {
            servers.shutdownNow();
        }
    }

    @Test
    void aStartedWorkerDeliversWhenNudgedWithoutAnyoneCallingIt() {
        try (Database db = TestDatabases.H2.fresh();
             DeliveryWorker worker = new DeliveryWorker(db, outbox, greenMail(), clock).start(Duration.ofHours(1))) {
            enqueue(db, "ana@fabrikam.example", "Nudged");
            worker.deliverSoon();

            assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        }
    }

    @Test
    void theScheduledPollsGoOnAfterACourierThrewAnError() {
        MailSender breaksOnce = greenMailBreakingOn("Breaks");
        try (Database db = TestDatabases.H2.fresh()) {
            enqueue(db, "ana@fabrikam.example", "Breaks");
            enqueue(db, "bea@fabrikam.example", "Given back, then sent by a later poll");
            try (DeliveryWorker worker = new DeliveryWorker(db, outbox, breaksOnce, clock).start(Duration.ofMillis(20))) {
                // No nudge: only the polls can send the second message, after the round that broke gave it back.
                assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            }
            assertThat(subject(GREEN_MAIL.getReceivedMessages()[0])).isEqualTo("Given back, then sent by a later poll");
        }
    }

    @OnBothDatabases
    void aRowThatIsNotAValidMessageFailsInsteadOfBlockingTheQueue(Database db) {
        long broken = enqueue(db, "ana@fabrikam.example", "Fine so far");
        db.dsl().update(OUTBOX_MESSAGE).set(OUTBOX_MESSAGE.SUBJECT, "Injected\r\nBcc: everyone@example.org")
                .where(OUTBOX_MESSAGE.ID.eq(broken)).execute();
        long fine = enqueue(db, "bea@fabrikam.example", "Fine");

        assertThat(new DeliveryWorker(db, outbox, greenMail(), clock).deliverDueNow())
                .isEqualTo(new DeliveryWorker.Round(1, 0, 1));

        assertThat(row(db, broken).getLastError()).startsWith("The queued message is malformed");
        assertThat(row(db, fine).getStatus()).isEqualTo("SENT");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
