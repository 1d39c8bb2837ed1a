package org.opensspr.console.support;

import org.opensspr.server.writeback.TcpRelay;

import java.net.URI;

/**
 * The console's server behind a relay that can be taken down and brought back on the same port, so a test sees a
 * real network outage (connection refused) and a real recovery. The relay is the server tests' {@link TcpRelay}.
 */
public final class OutageProxy implements AutoCloseable {
    private final TcpRelay relay;

    public OutageProxy(String targetUrl) {
        URI uri = URI.create(targetUrl);
        this.relay = new TcpRelay(uri.getHost(), uri.getPort());
    }

    public String url() {
        return "http://" + relay.authority();
    }

    public void up() {
        relay.up();
    }

    /** Refuses new connections and cuts the open ones. */
    public void down() {
        relay.down();
    }

    @Override
    public void close() {
        relay.close();
    }
}
