package org.opensspr.server.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded default when no SMTP relay is configured: "delivering" writes the message as an RFC 5322
 * {@code .eml} file into {@code <data>/outbox/} and the row counts as sent. Administrators read the
 * rows (and test mode's {@code GET /test/outbox}); the files open in any mail program. Messages may
 * hold one-time codes, so the directory is 0700 and every file 0600 from the moment it exists.
 */
public final class OutboxOnlyMailSender implements MailSender {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
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
        return directory.resolve(email.id() + "-" + STAMP.format(email.queuedAt()) + ".eml");
    }

    @Override
    public void send(QueuedEmail email) throws DeliveryException {
        MimeMessage message = MimeMessages.build(session, from, email, clock.instant());
        Path target = fileFor(email);
        Path temporary = null;
        try {
            ensureDirectory();
            temporary = posix()
                    ? Files.createTempFile(directory, target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(FILE))
                    : Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            throw DeliveryException.temporary("Could not write " + target + ": " + e.getMessage());
        }
    }

    private void ensureDirectory() throws IOException {
        Files.createDirectories(directory);
        if (posix() && !Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
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
