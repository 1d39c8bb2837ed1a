package org.opensspr.server.cli;

import java.time.Duration;

/** Lets tests outside the cli package read a duration as {@code --ldap-sync-every} does. */
public final class SyncIntervalProbe {
    public Duration convert(String value) {
        return new LdapOptions.SyncInterval().convert(value);
    }
}
