package org.opensspr.server.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.time.Clock;
import java.util.Properties;

/**
 * Delivers over SMTP with Angus Mail: one connection per message, the configured timeouts on every
 * socket operation, STARTTLS required (never silently skipped) when chosen, and the relay's
 * certificate checked against the system's authorities or the operator's trusted-certificates file.
 *
 * <p>What counts as permanent: a 5xx refusal of the recipient, or of the message itself after DATA.
 * Everything else — the relay unreachable, TLS failing, authentication refused, the sender refused —
 * is transient: usually the configuration or the relay is at fault, and once an administrator fixes it
 * the queued messages still go out.
 */
public final class SmtpMailSender implements MailSender {
    private static final String PROTOCOL = "smtp";
    private static final int MAX_ERROR = 1000;

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpMailSender(SmtpSettings settings, Clock clock) {
        var problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String prefix = "mail." + PROTOCOL + ".";
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put(prefix + "writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        properties.put(prefix + "auth", Boolean.toString(settings.authenticates()));
        properties.put(prefix + "from", settings.from().address());
        properties.put("mail.mime.charset", "UTF-8");
        switch (settings.security()) {
            case NONE -> {
                // Plain SMTP: only to a relay the operator chose to reach unencrypted.
            }
            case STARTTLS -> {
                properties.put(prefix + "starttls.enable", "true");
                properties.put(prefix + "starttls.required", "true");
                tls(properties, prefix, settings);
            }
            case SMTPS -> {
                properties.put(prefix + "ssl.enable", "true");
                tls(properties, prefix, settings);
            }
        }
        return properties;
    }

    private static void tls(Properties properties, String prefix, SmtpSettings settings) {
        properties.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
        if (settings.trustedCertificates() == null) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        } else {
            // The trust manager checks the name inside the handshake (or accepts a pinned certificate);
            // Angus's own later check would refuse a pinned self-signed certificate that names nothing.
            properties.put(prefix + "ssl.socketFactory", SmtpTrust.socketFactory(settings.trustedCertificates()));
            properties.put(prefix + "ssl.checkserveridentity", "false");
        }
    }

    @Override
    public void send(QueuedEmail email) throws DeliveryException {
        MimeMessage message = MimeMessages.build(session, settings.from(), email, clock.instant());
        try (Transport transport = session.getTransport(PROTOCOL)) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    static DeliveryException classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return DeliveryException.temporary("The SMTP relay refused the user name or password: "
                    + clean(e.getMessage()));
        }
        // MessagingException's cause is its "next exception": the chain holds the relay's own replies.
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return new DeliveryException("The SMTP relay refused the recipient: "
                        + clean(refused.getMessage()), refused.getReturnCode() >= 500);
            }
            if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500
                    && "DATA".equalsIgnoreCase(verb(failed.getCommand()))) {
                return DeliveryException.permanent("The SMTP relay refused the message: " + clean(failed.getMessage()));
            }
        }
        return DeliveryException.temporary(describe(e));
    }

    private static String verb(String command) {
        if (command == null) {
            return "";
        }
        String text = command.strip();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** The chain of causes, each once: "Couldn't connect to host…: Connection refused". */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() != cause ? cause.getCause() : null) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : clean(cause.getMessage());
            if (!text.toString().contains(message)) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text.toString();
    }

    private static String clean(String message) {
        return message == null ? "" : message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
