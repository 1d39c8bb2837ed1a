package org.opensspr.bench.load;

import java.util.List;

/** The server under load, ready for it: users seeded who can reset by email, and kiosks enrolled on demand. */
interface LoadTarget extends AutoCloseable {
    /** Base URL, e.g. http://127.0.0.1:41234. */
    String url();

    /** Every server instance's base URL, {@link #url()} first; instances share one database. */
    default List<String> urls() {
        return List.of(url());
    }

    /** What this server is, for the report. */
    String description();

    List<LoadUser> users();

    /** A fresh enrolled kiosk's credential: each has its own flow-start throttle (30 in 10 minutes). */
    String enrollKiosk(String name);

    /** The server process's CPU clock, where it can be read. */
    ServerCpu serverCpu();

    @Override
    void close();
}
