package org.opensspr.bench.keycloak;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The SMTP server Keycloak sends its emails to: GreenMail in this JVM on a free loopback port, one inbox per
 * address. A flow empties its user's inbox before asking for an email, so the one it then reads is its own.
 */
final class Mailbox implements AutoCloseable {
    private final GreenMail greenMail;
    private final Map<String, MailFolder> inboxes = new ConcurrentHashMap<>();

    private Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static Mailbox start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Mailbox(greenMail);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** An inbox for this address; mail to an address without one would make GreenMail create a user on the fly. */
    void open(String address) {
        GreenMailUser user = greenMail.setUser(address, address, "unused");
        try {
            inboxes.put(address, greenMail.getManagers().getImapHostManager().getInbox(user));
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    void empty(String address) {
        inbox(address).deleteAllMessages();
    }

    /**
     * The plain text of the first email to this address, waiting up to {@code timeout}. Keycloak sends while it
     * answers the form, so it is usually there at once: the wait polls, at most a millisecond apart.
     */
    Optional<String> awaitText(String address, Duration timeout) {
        MailFolder inbox = inbox(address);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbox.getMessageCount() == 0) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(1_000_000);
        }
        List<StoredMessage> messages = inbox.getMessages();
        try {
            return Optional.of(plainText(messages.getFirst().getMimeMessage()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("An unreadable email to " + address, e);
        }
    }

    private MailFolder inbox(String address) {
        MailFolder inbox = inboxes.get(address);
        if (inbox == null) {
            throw new IllegalArgumentException("No inbox for " + address);
        }
        return inbox;
    }

    /** A text/plain part if there is one (Keycloak sends text and HTML as alternatives), else the HTML. */
    static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < parts.getCount(); i++) {
                Part child = parts.getBodyPart(i);
                if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                    return plainText(child);
                }
                if (child.isMimeType("text/html")) {
                    html = (String) child.getContent();
                }
            }
            if (html != null) {
                return html;
            }
        }
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        throw new MessagingException("No text in a " + part.getContentType() + " email");
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
