package org.opensspr.console;

import org.opensspr.api.SessionDto;
import org.opensspr.client.OpenSsprClient;

/** A signed-in connection: the client that carries the session, who is signed in, and what they may do. */
public record ConsoleSession(OpenSsprClient client, SessionDto session, AdminRights rights, String serverUrl) {
}
