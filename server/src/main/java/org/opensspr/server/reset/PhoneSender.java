package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.phone.PhoneNumber;

import java.time.Instant;
import java.util.Locale;

/** Queues the text or the call that carries a verification code, inside the step's transaction. */
interface PhoneSender {
    void send(DSLContext tx, Channel channel, PhoneNumber to, String code, Instant expiresAt, Locale locale,
              String organizationName);

    /** Whether this server has a courier for {@code channel}. */
    boolean canDeliver(Channel channel);
}
