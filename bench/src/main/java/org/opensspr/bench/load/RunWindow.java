package org.opensspr.bench.load;

/**
 * When flows start and which count, in {@link System#nanoTime}: flows that start before {@code measuredFrom}
 * warm the server up and count for nothing; none starts after {@code startsUntil}, or after
 * {@code flowsPerKiosk} at one kiosk when that is set.
 */
public record RunWindow(long measuredFrom, long startsUntil, int flowsPerKiosk) {
    public static RunWindow of(LoadOptions options, long now) {
        long measuredFrom = now + options.warmup().toNanos();
        long startsUntil = options.countsFlows() ? Long.MAX_VALUE : measuredFrom + options.duration().toNanos();
        return new RunWindow(measuredFrom, startsUntil, options.flowsPerKiosk());
    }

    public boolean anotherFlow(int startedAtThisKiosk) {
        return flowsPerKiosk > 0 ? startedAtThisKiosk < flowsPerKiosk : System.nanoTime() < startsUntil;
    }

    public boolean counts(long flowStart) {
        return flowStart >= measuredFrom;
    }
}
