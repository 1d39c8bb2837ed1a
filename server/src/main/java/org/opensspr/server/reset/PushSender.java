package org.opensspr.server.reset;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

/** Queues an app notification, inside the step's transaction. */
interface PushSender {
    /** {@code token}: the signed part of the answer URL; {@code choices}: the numbers the phone offers. */
    void send(DSLContext tx, String topic, String token, List<String> choices, Instant expiresAt, Gate.GateContext context);
}
