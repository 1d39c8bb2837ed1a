package org.opensspr.bench.load;

import org.opensspr.client.OpenSsprClient;

import java.util.Optional;

/** One kiosk with a person always at it: complete resets one after another, each for the next free user. */
final class SimulatedKiosk implements Runnable {
    private final String url;
    private final KioskIdentity identity;
    private final UserPool users;
    private final TestOutbox outbox;
    private final RunWindow window;
    private final EndpointLatencies latencies;
    private final ErrorCounts errors;
    private final FlowTally tally;

    SimulatedKiosk(String url, KioskIdentity identity, UserPool users, TestOutbox outbox, RunWindow window,
                   EndpointLatencies latencies, ErrorCounts errors, FlowTally tally) {
        this.url = url;
        this.identity = identity;
        this.users = users;
        this.outbox = outbox;
        this.window = window;
        this.latencies = latencies;
        this.errors = errors;
        this.tally = tally;
    }

    @Override
    public void run() {
        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(url).credentials(identity::credential)
                .userAgent("opensspr-load").build()) {
            for (int started = 0; window.anotherFlow(started); started++) {
                Optional<UserPool.Lease> lease = users.lease();
                if (lease.isEmpty()) {
                    tally.usersRanOut();
                    return;
                }
                identity.beforeFlowStart();
                boolean counted = window.counts(System.nanoTime());
                ResetFlow flow = new ResetFlow(kiosk, outbox, latencies.timer(counted));
                boolean reset = false;
                try {
                    flow.run(lease.get());
                    reset = true;
                } catch (RuntimeException stopped) {
                    if (counted) {
                        errors.count(stopped);
                    }
                } finally {
                    users.release(lease.get(), reset, flow.codeId());
                }
                if (counted && reset) {
                    tally.completed(lease.get().hadPassword());
                } else if (counted) {
                    tally.failed();
                }
            }
        }
    }
}
