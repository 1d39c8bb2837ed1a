package org.opensspr.console.insights;

import org.opensspr.api.DailyActivityDto;
import org.opensspr.api.InsightsDto;

import java.util.List;
import java.util.OptionalDouble;

/** A report's days added up: what the summary cards and the helpdesk savings show. */
public record InsightsSummary(long resetsSucceeded, long resetsFailed, long unlocksSucceeded, long unlocksFailed) {

    public static InsightsSummary of(InsightsDto report) {
        return of(report.days());
    }

    public static InsightsSummary of(List<DailyActivityDto> days) {
        long resetsOk = 0;
        long resetsFailed = 0;
        long unlocksOk = 0;
        long unlocksFailed = 0;
        for (DailyActivityDto day : days) {
            resetsOk += day.resetsSucceeded();
            resetsFailed += day.resetsFailed();
            unlocksOk += day.unlocksSucceeded();
            unlocksFailed += day.unlocksFailed();
        }
        return new InsightsSummary(resetsOk, resetsFailed, unlocksOk, unlocksFailed);
    }

    /** Resets and unlocks that worked: each one a password call the helpdesk didn't have to take. */
    public long callsAvoided() {
        return resetsSucceeded + unlocksSucceeded;
    }

    /** Resets and unlocks that reached their last step. */
    public long attempted() {
        return callsAvoided() + resetsFailed + unlocksFailed;
    }

    /** The share of {@link #attempted()} that worked, 0 to 1; empty when nothing was attempted. */
    public OptionalDouble successRate() {
        return attempted() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) callsAvoided() / attempted());
    }
}
