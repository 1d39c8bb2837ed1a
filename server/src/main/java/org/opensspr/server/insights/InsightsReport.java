package org.opensspr.server.insights;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.api.BlockedInsightsDto;
import org.opensspr.api.DailyActivityDto;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.MethodOutcomeDto;
import org.opensspr.api.ReasonCountDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.api.TimeToResetDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.reset.EffectivePolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.opensspr.server.db.Tables.INSIGHTS_DURATION;
import static org.opensspr.server.db.Tables.INSIGHTS_HOURLY;

/**
 * Builds the Usage & insights report (design §15). Activity, gates, failures, blocks in range and time to reset
 * come from the hourly rollups the sealer writes (ADR 22), so a year's report reads at most a year of hours,
 * whatever the audit log holds; registration and "blocked now" are the directory and the throttle as they are
 * (registration read as the engines' inputs of the users the policy can find, as the impact preview reads them).
 */
public final class InsightsReport {
    static final int TOP_REASONS = 10;
    private static final String RESET = AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName();
    private static final String UNLOCK = AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName();
    private static final String BLOCKED = AuditActivity.BLOCKED_FROM_SSPR.entraName();
    private static final String PROGRESS = AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName();
    private static final String FAILURE = AuditResult.FAILURE.name();

    private final Database database;
    private final PolicyService policies;
    private final EffectivePolicy effective;
    private final Clock clock;

    public InsightsReport(Database database, PolicyService policies, EffectivePolicy effective, Clock clock) {
        this.database = database;
        this.policies = policies;
        this.effective = effective;
        this.clock = clock;
    }

    /** The parts read from the rollups and the throttle. */
    private record Activity(List<DailyActivityDto> days, List<MethodOutcomeDto> gates, List<ReasonCountDto> failures,
                            BlockedInsightsDto blocked, TimeToResetDto timeToReset) {
    }

    InsightsDto report(InsightsRange range) {
        // The rollups and the throttle in one short read; the directory in another (it may be large).
        Activity activity = database.inTransaction(tx -> activity(tx, range));
        return new InsightsDto(range.from(), range.to(), range.zone().getId(), registration(), activity.days(),
                activity.gates(), activity.failures(), activity.blocked(), activity.timeToReset());
    }

    /** Registration now under the policy in force: the part of a report that grows with the directory. */
    public RegistrationInsightsDto registration() {
        return database.inTransaction(tx -> {
            SsprPolicy policy = effective.apply(policies.current(tx).policy());
            return RegistrationCounts.count(tx, policy, effective);
        });
    }

    private Activity activity(DSLContext tx, InsightsRange range) {
        Condition inRange = INSIGHTS_HOURLY.HOUR_START.ge(DbTime.of(range.start()))
                .and(INSIGHTS_HOURLY.HOUR_START.lt(DbTime.of(range.end())));
        List<DailyActivityDto> days = days(tx, range, inRange);
        long blockedInRange = days.stream().mapToLong(DailyActivityDto::blocked).sum();
        BlockedNow.Blocked now = BlockedNow.find(tx, DbTime.now(clock));
        return new Activity(days, gates(tx, inRange), failures(tx, inRange),
                new BlockedInsightsDto(blockedInRange, now.count(), now.soonestEnding()), timeToReset(tx, range));
    }

    private static List<DailyActivityDto> days(DSLContext tx, InsightsRange range, Condition inRange) {
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            byDay.put(day, new long[5]);
        }
        var sum = DSL.sum(INSIGHTS_HOURLY.EVENTS);
        tx.select(INSIGHTS_HOURLY.HOUR_START, INSIGHTS_HOURLY.ACTIVITY, INSIGHTS_HOURLY.RESULT, sum)
                .from(INSIGHTS_HOURLY)
                .where(inRange).and(INSIGHTS_HOURLY.ACTIVITY.in(RESET, UNLOCK, BLOCKED))
                .groupBy(INSIGHTS_HOURLY.HOUR_START, INSIGHTS_HOURLY.ACTIVITY, INSIGHTS_HOURLY.RESULT)
                .fetch().forEach(r -> {
                    long[] counts = byDay.get(range.dayOf(r.value1().toInstant()));
                    if (counts == null) {
                        return;
                    }
                    boolean failed = FAILURE.equals(r.value3());
                    int slot = r.value2().equals(RESET) ? (failed ? 1 : 0)
                            : r.value2().equals(UNLOCK) ? (failed ? 3 : 2) : 4;
                    counts[slot] += r.value4().longValue();
                });
        List<DailyActivityDto> days = new ArrayList<>(byDay.size());
        byDay.forEach((day, c) -> days.add(new DailyActivityDto(day, c[0], c[1], c[2], c[3], c[4])));
        return days;
    }

    /** Each method's verifications: progress events that carry a method are a gate's outcome. */
    private static List<MethodOutcomeDto> gates(DSLContext tx, Condition inRange) {
        Map<AuthMethod, long[]> byMethod = new EnumMap<>(AuthMethod.class);
        for (AuthMethod method : AuthMethod.values()) {
            byMethod.put(method, new long[2]);
        }
        var sum = DSL.sum(INSIGHTS_HOURLY.EVENTS);
        tx.select(INSIGHTS_HOURLY.METHOD, INSIGHTS_HOURLY.RESULT, sum).from(INSIGHTS_HOURLY)
                .where(inRange).and(INSIGHTS_HOURLY.ACTIVITY.eq(PROGRESS)).and(INSIGHTS_HOURLY.METHOD.ne(""))
                .groupBy(INSIGHTS_HOURLY.METHOD, INSIGHTS_HOURLY.RESULT)
                .fetch().forEach(r -> {
                    long[] counts = byMethod.get(methodNamed(r.value1()));
                    if (counts != null) {
                        counts[FAILURE.equals(r.value2()) ? 1 : 0] += r.value3().longValue();
                    }
                });
        List<MethodOutcomeDto> gates = new ArrayList<>();
        byMethod.forEach((method, c) -> gates.add(new MethodOutcomeDto(method, c[0], c[1])));
        return gates;
    }

    private static AuthMethod methodNamed(String name) {
        for (AuthMethod method : AuthMethod.values()) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        return null;
    }

    private static List<ReasonCountDto> failures(DSLContext tx, Condition inRange) {
        var sum = DSL.sum(INSIGHTS_HOURLY.EVENTS);
        return tx.select(INSIGHTS_HOURLY.REASON, sum).from(INSIGHTS_HOURLY)
                .where(inRange).and(INSIGHTS_HOURLY.RESULT.eq(FAILURE)).and(INSIGHTS_HOURLY.REASON.ne(""))
                .groupBy(INSIGHTS_HOURLY.REASON)
                .orderBy(sum.desc(), INSIGHTS_HOURLY.REASON)
                .limit(TOP_REASONS)
                .fetch(r -> new ReasonCountDto(r.value1(), r.value2().longValue()));
    }

    private static TimeToResetDto timeToReset(DSLContext tx, InsightsRange range) {
        Map<Long, Long> byEdge = new HashMap<>();
        var sum = DSL.sum(INSIGHTS_DURATION.COMPLETED);
        tx.select(INSIGHTS_DURATION.BUCKET_UPPER_SECONDS, sum).from(INSIGHTS_DURATION)
                .where(INSIGHTS_DURATION.HOUR_START.ge(DbTime.of(range.start())))
                .and(INSIGHTS_DURATION.HOUR_START.lt(DbTime.of(range.end())))
                .groupBy(INSIGHTS_DURATION.BUCKET_UPPER_SECONDS)
                .fetch().forEach(r -> byEdge.put(r.value1(), r.value2().longValue()));
        return DurationBuckets.report(byEdge);
    }
}
