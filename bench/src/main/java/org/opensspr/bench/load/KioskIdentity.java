package org.opensspr.bench.load;

/**
 * The enrolled kiosk a simulated kiosk speaks as. The server lets one kiosk start 30 flows in 10 minutes, far
 * fewer than a simulated kiosk starts: a physical kiosk serves a few people an hour. So a simulated kiosk stands
 * for a row of kiosks and takes a freshly enrolled identity before its current one would be throttled.
 */
final class KioskIdentity {
    static final int STARTS_PER_IDENTITY = 25;

    private final LoadTarget target;
    private final String name;
    private int enrolled;
    private int starts;
    private volatile String credential;

    KioskIdentity(LoadTarget target, String name) {
        this.target = target;
        this.name = name;
        renew();
    }

    /** Call before each flow start. */
    void beforeFlowStart() {
        if (++starts > STARTS_PER_IDENTITY) {
            renew();
            starts = 1;
        }
    }

    String credential() {
        return credential;
    }

    private void renew() {
        credential = target.enrollKiosk(name + "-" + ++enrolled);
    }
}
