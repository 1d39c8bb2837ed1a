package org.opensspr.bench.keycloak;

import org.opensspr.bench.load.EndpointLatencies;
import org.opensspr.bench.load.ErrorCounts;
import org.opensspr.bench.load.FlowTally;
import org.opensspr.bench.load.RunWindow;

import java.util.concurrent.BlockingQueue;

/** One browser with a person always at it: complete resets one after another, each for the next free user. */
final class SimulatedBrowser implements Runnable {
    private final Browser browser;
    private final KeycloakRealm realm;
    private final Mailbox mailbox;
    private final BlockingQueue<KeycloakUser> freeUsers;
    private final RunWindow window;
    private final EndpointLatencies latencies;
    private final ErrorCounts errors;
    private final FlowTally tally;

    SimulatedBrowser(Browser browser, KeycloakRealm realm, Mailbox mailbox, BlockingQueue<KeycloakUser> freeUsers,
                     RunWindow window, EndpointLatencies latencies, ErrorCounts errors, FlowTally tally) {
        this.browser = browser;
        this.realm = realm;
        this.mailbox = mailbox;
        this.freeUsers = freeUsers;
        this.window = window;
        this.latencies = latencies;
        this.errors = errors;
        this.tally = tally;
    }

    @Override
    public void run() {
        for (int started = 0; window.anotherFlow(started); started++) {
            // There are at least as many users as browsers, so one is always free.
            KeycloakUser user = freeUsers.poll();
            if (user == null) {
                throw new IllegalStateException("No free user: --users must be at least --kiosks");
            }
            boolean counted = window.counts(System.nanoTime());
            boolean reset = false;
            try {
                new BrowserResetFlow(browser, realm, mailbox, latencies.timer(counted)).run(user);
                reset = true;
            } catch (RuntimeException stopped) {
                if (counted) {
                    errors.count(stopped);
                }
            } finally {
                freeUsers.add(user);
            }
            if (counted && reset) {
                // Keycloak hashes once per reset whether or not the user had a password (see KeycloakRun).
                tally.completed(false);
            } else if (counted) {
                tally.failed();
            }
        }
    }
}
