package org.opensspr.server.testing;

import org.opensspr.server.api.InProcessServer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;

/** Whether a server still listens: read its port while it runs (a stopped server reports none), try it later. */
final class Ports {
    private Ports() {
    }

    static int of(InProcessServer server) {
        return URI.create(server.url()).getPort();
    }

    static boolean answers(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
