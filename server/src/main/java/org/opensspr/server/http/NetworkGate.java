package org.opensspr.server.http;

/** Refuses kiosk-facing calls from networks the policy doesn't allow (KIOSK_NETWORK_DENIED). */
@FunctionalInterface
public interface NetworkGate {
    NetworkGate OPEN = (access, address) -> {
    };

    void check(Access access, String clientAddress);
}
