package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;

import java.time.Instant;
import java.util.Locale;

/** Queues the email that carries a verification code, inside the step's transaction. */
@FunctionalInterface
interface CodeMailer {
    void send(DSLContext tx, DirectoryUser user, String address, String code, Instant expiresAt, Locale locale,
              String organizationName);
}
