package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.server.directory.DirectoryService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removing what a user has registered, with the secret behind it: the user's own "delete" in a security-info
 * session and a helpdesk's "delete method" and "require re-registration" remove the same way. Takes the
 * caller's transaction; the caller has checked who may.
 */
public final class RegisteredMethods {
    private final DirectoryService directory;
    private final UserTotp totp;
    private final SecurityAnswers answers;

    public RegisteredMethods(DirectoryService directory, UserTotp totp, SecurityAnswers answers) {
        this.directory = directory;
        this.totp = totp;
        this.answers = answers;
    }

    /** Removes one kind; false when the user had nothing of that kind. */
    public boolean remove(DSLContext tx, DirectoryUser user, Registration kind, Instant now) {
        return switch (kind) {
            case AUTHENTICATOR_APP -> totp.remove(tx, user.id());
            case SECURITY_QUESTIONS -> answers.remove(tx, user.id());
            case EMAIL -> clearContact(tx, user, kind, !user.contact().alternateEmail().isEmpty(), now);
            case MOBILE_PHONE -> clearContact(tx, user, kind, !user.contact().mobilePhone().isEmpty(), now);
            case OFFICE_PHONE -> clearContact(tx, user, kind, !user.contact().officePhone().isEmpty(), now);
        };
    }

    /** Removes every kind; answers the kinds there were. */
    public List<Registration> removeAll(DSLContext tx, DirectoryUser user, Instant now) {
        List<Registration> removed = new ArrayList<>();
        for (Registration kind : Registration.values()) {
            if (remove(tx, user, kind, now)) {
                removed.add(kind);
            }
        }
        return removed;
    }

    private boolean clearContact(DSLContext tx, DirectoryUser user, Registration kind, boolean present, Instant now) {
        if (present) {
            directory.clearContact(tx, user.id(), kind, now);
        }
        return present;
    }
}
