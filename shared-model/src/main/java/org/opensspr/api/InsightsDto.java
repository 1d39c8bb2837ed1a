package org.opensspr.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Usage & insights for a range of whole days, as {@code GET /api/v1/insights} answers it (needs READ_INSIGHTS).
 * Counts of activity come from rollups the server keeps past the audit log's retention (UTC hours, each counted for
 * the day in {@code zone} it starts in; only events after the server's upgrade to insights are counted);
 * registration counts and the users blocked now are the directory and the throttle as they are now.
 *
 * @param from         the first day reported, in {@code zone}
 * @param to           the last day reported (inclusive), in {@code zone}
 * @param zone         the IANA time zone whose days these are (the administrator's)
 * @param registration who can reset now, and with which methods
 * @param days         one entry per day from {@code from} to {@code to}, in order, days without activity included
 * @param gates        each method's verifications in the range, passed and failed, in {@code AuthMethod} order
 * @param failures     the most frequent failure reasons in the range (at most ten), most frequent first
 * @param blocked      users blocked from self-service reset
 * @param timeToReset  how long completed resets and unlocks took, from the first step to done
 */
public record InsightsDto(LocalDate from, LocalDate to, String zone, RegistrationInsightsDto registration,
                          List<DailyActivityDto> days, List<MethodOutcomeDto> gates, List<ReasonCountDto> failures,
                          BlockedInsightsDto blocked, TimeToResetDto timeToReset) {
    public InsightsDto {
        days = List.copyOf(days);
        gates = List.copyOf(gates);
        failures = List.copyOf(failures);
    }
}
