package org.opensspr.server.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Who the server's mail comes from: an address and an optional display name ("Contoso IT"). */
public record MailFrom(String address, String displayName) {
    /** For the outbox-only default, which never reaches a real mail server: a reserved domain (RFC 2606). */
    public static final MailFrom OUTBOX_DEFAULT = new MailFrom("no-reply@opensspr.invalid", "OpenSSPR");

    public MailFrom {
        address = address == null ? "" : address.strip();
        displayName = displayName == null ? "" : displayName.strip();
    }

    /** Why this can't be used as a sender, if it can't. */
    public Optional<String> problem() {
        if (address.isEmpty()) {
            return Optional.of("The sender address is missing.");
        }
        if (displayName.indexOf('\r') >= 0 || displayName.indexOf('\n') >= 0) {
            return Optional.of("The sender's display name must be a single line.");
        }
        try {
            new InternetAddress(address, true).validate();
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("The sender address '" + address + "' is not a valid email address.");
        }
    }

    InternetAddress internetAddress() {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!displayName.isEmpty()) {
                parsed.setPersonal(displayName, StandardCharsets.UTF_8.name());
            }
            return parsed;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("The sender address was checked before use", e);
        }
    }

    /** The domain part, for Message-IDs. */
    String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "opensspr.invalid" : address.substring(at + 1);
    }
}
