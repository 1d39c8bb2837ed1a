package org.opensspr.server.delivery;

import java.util.Objects;

/**
 * One plain-text email to one recipient. The body may hold a one-time code, so {@link #toString()}
 * leaves it out: a message that ends up in a log line or an exception shows where it goes, never what
 * it says. Address syntax is checked at delivery (a bad address fails that one message, visibly),
 * not here, so queuing a notice can't abort the step that queued it.
 */
public record EmailMessage(String to, String subject, String textBody) {
    /** The outbox columns' sizes. */
    static final int MAX_RECIPIENT = 320;
    static final int MAX_SUBJECT = 512;
    static final int MAX_BODY = 100_000;

    public EmailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        to = to.strip();
        if (to.isEmpty() || to.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("An email needs a recipient of at most " + MAX_RECIPIENT + " characters");
        }
        // A line break in a header would let text smuggle in headers of its own.
        if (hasLineBreak(to) || hasLineBreak(subject)) {
            throw new IllegalArgumentException("An email's recipient and subject must be single lines");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("An email's subject is at most " + MAX_SUBJECT + " characters");
        }
        if (textBody.length() > MAX_BODY) {
            throw new IllegalArgumentException("An email's body is at most " + MAX_BODY + " characters");
        }
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to + ", subject=" + subject + ", body=(" + textBody.length() + " characters)]";
    }
}
