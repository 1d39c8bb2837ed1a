package org.opensspr.client;

import org.opensspr.api.ApiPaths;
import org.opensspr.api.InsightsDto;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Usage & insights (the console's view of the same name), from {@link OpenSsprClient#insights()}; need READ_INSIGHTS. */
public final class InsightsCalls {
    private final ApiTransport transport;

    InsightsCalls(ApiTransport transport) {
        this.transport = transport;
    }

    /** The report for the days {@code from} to {@code to} (inclusive) as they fall in {@code zone}. */
    public InsightsDto report(LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        return transport.get(ApiPaths.BASE + "/insights?from=" + from + "&to=" + to + "&zone="
                + ApiTransport.queryValue(zone.getId()), InsightsDto.class);
    }
}
