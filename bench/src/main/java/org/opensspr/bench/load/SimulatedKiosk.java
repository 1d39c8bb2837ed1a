package org.opensspr.bench.load;

import org.opensspr.client.OpenSsprClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One kiosk with a person always at it: complete resets one after another, each for the next free user. */
final class SimulatedKiosk implements Runnable {
    private final List<String> urls;
    private final int index;
    private final KioskIdentity identity;
    private final UserPool users;
    private final MethodPlan plan;
    private final TestOutbox outbox;
    private final PhoneApp phone;
    private final RunWindow window;
    private final EndpointLatencies latencies;
    private final ErrorCounts errors;
    private final FlowTally tally;

    /**
     * {@code urls}: every server instance, each flow's steps going to them in turn; {@code index}: this kiosk's
     * number, so the kiosks' flows start on different instances.
     */
    SimulatedKiosk(List<String> urls, int index, KioskIdentity identity, UserPool users, MethodPlan plan,
                   TestOutbox outbox, PhoneApp phone, RunWindow window, EndpointLatencies latencies, ErrorCounts errors,
                   FlowTally tally) {
        this.urls = List.copyOf(urls);
        this.index = index;
        this.identity = identity;
        this.users = users;
        this.plan = plan;
        this.outbox = outbox;
        this.phone = phone;
        this.window = window;
        this.latencies = latencies;
        this.errors = errors;
        this.tally = tally;
    }

    @Override
    public void run() {
        List<OpenSsprClient> instances = new ArrayList<>();
        try {
            for (String url : urls) {
                instances.add(OpenSsprClient.builder().baseUrl(url).credentials(identity::credential)
                        .userAgent("opensspr-load").build());
            }
            runFlows(instances);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            instances.forEach(OpenSsprClient::close);
        }
    }

    private void runFlows(List<OpenSsprClient> instances) throws InterruptedException {
        for (int started = 0; window.anotherFlow(started); started++) {
            Optional<UserPool.Lease> lease = users.lease(window.startsUntil());
            if (lease.isEmpty()) {
                if (users.ranOutOfEmails()) {
                    tally.usersRanOut();
                }
                return;
            }
            identity.beforeFlowStart();
            boolean counted = window.counts(System.nanoTime());
            ResetFlow flow = new ResetFlow(instances, index + started, plan, outbox, phone, latencies.timer(counted));
            boolean reset = false;
            try {
                flow.run(lease.get());
                reset = true;
            } catch (RuntimeException stopped) {
                if (counted) {
                    errors.count(stopped);
                }
            } finally {
                users.release(lease.get(), flow.newPasswordSet(), flow.lastMessageId(), flow.appStep());
            }
            if (reset) {
                tally.resetAtAll();
            }
            if (counted && reset) {
                tally.completed(lease.get().hadPassword());
            } else if (counted) {
                tally.failed();
            }
        }
    }
}
