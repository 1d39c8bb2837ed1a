package org.opensspr.server.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/** The embedded default: each message becomes a private .eml file that any mail program (and Jakarta Mail) reads back. */
class OutboxOnlyMailSenderTest {
    private static final Instant T0 = Instant.parse("2026-11-05T14:30:00Z");
    private static final EmailMessage SPANISH = new EmailMessage("begona@fabrikam.example",
            "Código de verificación de la cuenta de Contoso",
            "Hola, Begoña Núñez:\n\nSu código de verificación de Contoso es 12345678\n");

    @TempDir
    Path data;

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
    private final Outbox outbox = new Outbox(clock, SecretBox.withKey(new byte[SecretBox.KEY_BYTES]));

    @OnBothDatabases
    void deliveringWritesAPrivateEmlFileAndMarksTheRowSent(TestDatabases kind) throws Exception {
        OutboxOnlyMailSender sender = new OutboxOnlyMailSender(data, MailFrom.OUTBOX_DEFAULT, clock);
        try (Database db = kind.fresh()) {
            long id = db.inTransaction(tx -> outbox.enqueue(tx, SPANISH));

            assertThat(new DeliveryWorker(db, outbox, sender, clock).deliverDueNow()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));

            assertThat(db.dsl().select(OUTBOX_MESSAGE.STATUS).from(OUTBOX_MESSAGE).where(OUTBOX_MESSAGE.ID.eq(id))
                    .fetchOne(OUTBOX_MESSAGE.STATUS)).isEqualTo("SENT");
            Path file = data.resolve("outbox").resolve(id + "-20261105T143000Z.eml");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(file.getParent())) {
                assertThat(files).containsExactly(file);
            }
            MimeMessage parsed = read(file);
            assertThat(parsed.getSubject()).isEqualTo(SPANISH.subject());
            assertThat(((String) parsed.getContent()).replace("\r\n", "\n")).isEqualTo(SPANISH.textBody());
            assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("begona@fabrikam.example");
            InternetAddress from = (InternetAddress) parsed.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("no-reply@opensspr.invalid");
            assertThat(from.getPersonal()).isEqualTo("OpenSSPR");
            assertThat(parsed.getMessageID()).isEqualTo("<opensspr." + id + "." + T0.toEpochMilli() + "@opensspr.invalid>");
        }
    }

    @OnBothDatabases
    void eachServerRemovesItsOwnCodeFilesWhicheverServerBlankedTheRow(Database db) throws Exception {
        long code = db.inTransaction(tx -> outbox.enqueueSecret(tx, SPANISH, T0.plus(Duration.ofMinutes(5))));
        long notice = db.inTransaction(tx -> outbox.enqueue(tx, SPANISH));
        OutboxOnlyMailSender here = new OutboxOnlyMailSender(data.resolve("here"), MailFrom.OUTBOX_DEFAULT, clock);
        DeliveryWorker thisServer = new DeliveryWorker(db, outbox, here, clock);
        DeliveryWorker otherServer = new DeliveryWorker(db, outbox,
                new OutboxOnlyMailSender(data.resolve("there"), MailFrom.OUTBOX_DEFAULT, clock), clock);
        assertThat(thisServer.deliverDueNow()).isEqualTo(new DeliveryWorker.Round(2, 0, 0));
        assertThat(thisServer.forgetExpiredSecrets()).isZero();

        clock.advance(Duration.ofMinutes(5));
        assertThat(otherServer.forgetExpiredSecrets()).isEqualTo(1);
        assertThat(here.directory().resolve(code + "-20261105T143000Z.eml")).as("not the other server's file").exists();
        assertThat(thisServer.forgetExpiredSecrets()).as("the row is blank already").isZero();

        try (Stream<Path> files = Files.list(here.directory())) {
            assertThat(files).containsExactly(here.directory().resolve(notice + "-20261105T143000Z.eml"));
        }
        assertThat(db.dsl().select(OUTBOX_MESSAGE.BODY).from(OUTBOX_MESSAGE).orderBy(OUTBOX_MESSAGE.ID)
                .fetch(OUTBOX_MESSAGE.BODY)).containsExactly("", SPANISH.textBody());
    }

    @OnBothDatabases
    void aServerStartedAfterTheCodeExpiredStillRemovesItsFile(Database db) {
        long code = db.inTransaction(tx -> outbox.enqueueSecret(tx, SPANISH, T0.plus(Duration.ofMinutes(5))));
        OutboxOnlyMailSender sender = new OutboxOnlyMailSender(data, MailFrom.OUTBOX_DEFAULT, clock);
        new DeliveryWorker(db, outbox, sender, clock).deliverDueNow();
        Path file = sender.fileFor(new QueuedEmail(code, T0, SPANISH));
        assertThat(file).exists();

        clock.advance(Duration.ofDays(2));
        new DeliveryWorker(db, outbox, new OutboxOnlyMailSender(data, MailFrom.OUTBOX_DEFAULT, clock), clock).deliverDueNow();

        assertThat(file).doesNotExist();
    }

    @Test
    void aWidenedOutboxDirectoryIsNarrowedAgainAndARetryReplacesTheFile() throws Exception {
        OutboxOnlyMailSender sender = new OutboxOnlyMailSender(data, MailFrom.OUTBOX_DEFAULT, clock);
        Files.createDirectories(sender.directory());
        Files.setPosixFilePermissions(sender.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
        QueuedEmail email = new QueuedEmail(42, T0, SPANISH);

        sender.send(email);
        sender.send(email);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sender.directory()))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(sender.directory())) {
            assertThat(files).containsExactly(sender.fileFor(email));
        }
        assertThat(read(sender.fileFor(email)).getSubject()).isEqualTo(SPANISH.subject());
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
