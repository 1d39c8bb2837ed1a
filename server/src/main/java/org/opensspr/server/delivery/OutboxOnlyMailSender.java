package org.opensspr.server.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.opensspr.server.files.OwnerOnlyFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The embedded default when no SMTP relay is configured: "delivering" writes the message as an RFC 5322
 * {@code .eml} file into {@code <data>/outbox/} and the row counts as sent. Administrators read the
 * rows (and test mode's {@code GET /test/outbox}); the files open in any mail program. Messages may
 * hold one-time codes, so the directory is 0700 and every file 0600 from the moment it exists, and
 * the file of a code goes once the code expired ({@link #forget}); notices stay.
 */
public final class OutboxOnlyMailSender implements MailSender {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MailFrom from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /** Writes into {@code <dataDirectory>/outbox}. */
    public OutboxOnlyMailSender(Path dataDirectory, MailFrom from, Clock clock) {
        from.problem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.directory = dataDirectory.resolve("outbox");
        this.from = from;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** The file a queued message is written to: {@code <id>-<queued at, UTC>.eml}. */
    public Path fileFor(QueuedEmail email) {
        return fileFor(email.id(), email.queuedAt());
    }

    private Path fileFor(long id, Instant queuedAt) {
        return directory.resolve(id + "-" + STAMP.format(queuedAt) + ".eml");
    }

    @Override
    public void send(QueuedEmail email) throws DeliveryException {
        MimeMessage message = MimeMessages.build(session, from, email, clock.instant());
        Path target = fileFor(email);
        Path temporary = null;
        try {
            ByteArrayOutputStream eml = new ByteArrayOutputStream();
            message.writeTo(eml);
            OwnerOnlyFiles.directory(directory);
            temporary = OwnerOnlyFiles.writeTemporary(target, eml.toByteArray());
            OwnerOnlyFiles.publish(temporary, target);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            throw DeliveryException.temporary("Could not write " + target + ": " + e.getMessage());
        }
    }

    /** The file is where people read the message: it stays while a code in it is good. */
    @Override
    public boolean keepsCopies() {
        return true;
    }

    @Override
    public void forget(long id, Instant queuedAt) throws IOException {
        Files.deleteIfExists(fileFor(id, queuedAt));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The message stays queued and is written again; a stray temporary file is harmless (0600).
        }
    }
}
