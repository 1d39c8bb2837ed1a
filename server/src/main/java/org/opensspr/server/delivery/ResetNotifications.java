package org.opensspr.server.delivery;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Composes — never sends — the emails of docs/design.md §14: the verification code, the notice to a user whose
 * password was reset or account unlocked (primary and alternate email, else the UPN), and the notice
 * to every Global Administrator when an administrator resets their own password. Each message is in
 * its recipient's language (English and Spanish now; anything else falls back to English). Pure: the
 * caller supplies people, names and times, and queues the result with {@link Outbox#enqueue}.
 */
public final class ResetNotifications {
    static final String BUNDLE = "org.opensspr.server.delivery.ResetNotifications";
    private static final String DEFAULT_ORGANIZATION = "OpenSSPR";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ZoneId timeZone;

    /** Times in the messages are shown in {@code timeZone} (the organization's, else UTC). */
    public ResetNotifications(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    /**
     * The code for the email gate, to the address the user registered as that method. The subject
     * carries no code (subjects show in lock-screen previews and mail logs).
     */
    public EmailMessage verificationCode(MailContact user, String toAddress, String code, Duration validity,
                                         String organizationName) {
        if (code == null || code.isBlank() || code.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("A verification code must be one non-blank line");
        }
        if (validity.toMinutes() < 1) {
            throw new IllegalArgumentException("A code is valid for at least a minute");
        }
        ResourceBundle text = bundle(user.languageTag());
        String organization = organization(organizationName);
        return new EmailMessage(toAddress, format(text, "code.subject", organization),
                format(text, "code.body", user.greetingName(), organization, code.strip(),
                        Long.toString(validity.toMinutes())));
    }

    /** Tells the user their password was reset: to the primary and alternate email, else the UPN. */
    public List<EmailMessage> passwordReset(MailContact user, String organizationName, Instant at) {
        return noticeToUser(user, "reset", organizationName, at);
    }

    /** Tells the user their account was unlocked (password unchanged); same recipients as a reset. */
    public List<EmailMessage> accountUnlocked(MailContact user, String organizationName, Instant at) {
        return noticeToUser(user, "unlock", organizationName, at);
    }

    /**
     * Tells each Global Administrator, at their primary email, that {@code administrator} reset their
     * own password through SSPR. Administrators without a primary email are skipped (no UPN fallback
     * here), and so is the one who reset: they get the user notice instead.
     */
    public List<EmailMessage> administratorReset(MailContact administrator, List<MailContact> globalAdministrators,
                                                 String organizationName, Instant at) {
        String organization = organization(organizationName);
        Map<String, EmailMessage> messages = new LinkedHashMap<>();
        for (MailContact recipient : globalAdministrators) {
            boolean self = !recipient.userPrincipalName().isEmpty()
                    && recipient.userPrincipalName().equalsIgnoreCase(administrator.userPrincipalName());
            if (recipient.primaryEmail().isEmpty() || self) {
                continue;
            }
            ResourceBundle text = bundle(recipient.languageTag());
            messages.putIfAbsent(key(recipient.primaryEmail()), new EmailMessage(recipient.primaryEmail(),
                    format(text, "adminReset.subject", organization),
                    format(text, "adminReset.body", recipient.greetingName(), administrator.greetingName(),
                            administrator.userPrincipalName(), organization, when(text, at))));
        }
        return List.copyOf(messages.values());
    }

    /** Primary and alternate email (each once); the UPN when neither is set. */
    public static List<String> userRecipients(MailContact user) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String address : List.of(user.primaryEmail(), user.alternateEmail())) {
            if (!address.isEmpty()) {
                addresses.putIfAbsent(key(address), address);
            }
        }
        if (addresses.isEmpty() && !user.userPrincipalName().isEmpty()) {
            addresses.put(key(user.userPrincipalName()), user.userPrincipalName());
        }
        return List.copyOf(addresses.values());
    }

    private List<EmailMessage> noticeToUser(MailContact user, String kind, String organizationName, Instant at) {
        ResourceBundle text = bundle(user.languageTag());
        String organization = organization(organizationName);
        String subject = format(text, kind + ".subject", organization);
        String body = format(text, kind + ".body", user.greetingName(), organization, user.userPrincipalName(),
                when(text, at));
        List<EmailMessage> messages = new ArrayList<>();
        for (String address : userRecipients(user)) {
            messages.add(new EmailMessage(address, subject, body));
        }
        return List.copyOf(messages);
    }

    static ResourceBundle bundle(String languageTag) {
        Locale locale = languageTag == null || languageTag.isBlank() ? Locale.ROOT
                : Locale.forLanguageTag(languageTag.strip().replace('_', '-'));
        // Without this control the JVM's default locale would win over English for unknown languages.
        return ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE);
    }

    private static Locale locale(ResourceBundle text) {
        Locale locale = text.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
    }

    private String when(ResourceBundle text, Instant at) {
        return DateTimeFormatter.ofPattern(text.getString("dateTime"), locale(text)).format(at.atZone(timeZone));
    }

    private static String format(ResourceBundle text, String key, String... arguments) {
        return new MessageFormat(text.getString(key), locale(text)).format(arguments);
    }

    private static String organization(String name) {
        return name == null || name.isBlank() ? DEFAULT_ORGANIZATION : name.strip();
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
