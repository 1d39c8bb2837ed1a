package org.opensspr.server.delivery;

/** How an outbox message travels. */
public enum Channel {
    EMAIL, SMS, VOICE, PUSH
}
