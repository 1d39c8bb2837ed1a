package org.opensspr.server.insights;

import org.jooq.DSLContext;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.db.tables.records.AuditEventRecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opensspr.server.db.Tables.INSIGHTS_DURATION;
import static org.opensspr.server.db.Tables.INSIGHTS_HOURLY;
import static org.opensspr.server.db.Tables.INSIGHTS_PENDING_DURATION;

/**
 * Counts the self-service events a seal links into the insights' hourly rollups (ADR 22). It runs inside the
 * sealing transaction, under the chain head's lock: the counts commit exactly when the events become linked, and
 * no other sealer writes the rollups meanwhile, so "update, else insert" can't race.
 */
public final class InsightsRollup implements AuditChain.OnLinked {
    /** The activities the report reads; other events are linked but not counted. */
    static final Set<String> COUNTED = Set.of(AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName(),
            AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName(), AuditActivity.BLOCKED_FROM_SSPR.entraName(),
            AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName());
    private static final Set<String> COMPLETIONS = Set.of(AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName(),
            AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE.entraName());
    /** A reason longer than this is counted by its start (reasons are short codes; this bounds the key). */
    static final int REASON_LENGTH = 256;

    private record HourKey(OffsetDateTime hour, String activity, String method, String result, String reason) {
    }

    private record DurationKey(OffsetDateTime hour, long edge) {
    }

    @Override
    public void linked(DSLContext tx, List<AuditEventRecord> events) {
        Map<HourKey, Long> counts = new HashMap<>();
        Map<Long, OffsetDateTime> completions = new HashMap<>();
        for (AuditEventRecord event : events) {
            if (!COUNTED.contains(event.getActivity())) {
                continue;
            }
            OffsetDateTime hour = hourOf(event.getOccurredAt());
            String reason = event.getFailureReason() == null ? "" : event.getFailureReason();
            counts.merge(new HourKey(hour, event.getActivity(), event.getMethod() == null ? "" : event.getMethod(),
                    event.getResult(), reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason),
                    1L, Long::sum);
            if (completedFlow(event)) {
                completions.put(event.getId(), hour);
            }
        }
        counts.forEach((key, n) -> addEvents(tx, key, n));
        addDurations(tx, completions);
    }

    /** Only a successful reset or unlock carries its flow's time (ResetCompletion); no other event is looked up. */
    private static boolean completedFlow(AuditEventRecord event) {
        return COMPLETIONS.contains(event.getActivity()) && AuditResult.SUCCESS.name().equals(event.getResult());
    }

    static OffsetDateTime hourOf(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }

    private static void addEvents(DSLContext tx, HourKey key, long n) {
        int updated = tx.update(INSIGHTS_HOURLY).set(INSIGHTS_HOURLY.EVENTS, INSIGHTS_HOURLY.EVENTS.plus(n))
                .where(INSIGHTS_HOURLY.HOUR_START.eq(key.hour()))
                .and(INSIGHTS_HOURLY.ACTIVITY.eq(key.activity()))
                .and(INSIGHTS_HOURLY.METHOD.eq(key.method()))
                .and(INSIGHTS_HOURLY.RESULT.eq(key.result()))
                .and(INSIGHTS_HOURLY.REASON.eq(key.reason()))
                .execute();
        if (updated == 0) {
            tx.insertInto(INSIGHTS_HOURLY)
                    .set(INSIGHTS_HOURLY.HOUR_START, key.hour())
                    .set(INSIGHTS_HOURLY.ACTIVITY, key.activity())
                    .set(INSIGHTS_HOURLY.METHOD, key.method())
                    .set(INSIGHTS_HOURLY.RESULT, key.result())
                    .set(INSIGHTS_HOURLY.REASON, key.reason())
                    .set(INSIGHTS_HOURLY.EVENTS, n)
                    .execute();
        }
    }

    /** The completions' times (written with their events) go into the histogram, and their pending rows go. */
    private static void addDurations(DSLContext tx, Map<Long, OffsetDateTime> hourById) {
        if (hourById.isEmpty()) {
            return;
        }
        var pending = tx.selectFrom(INSIGHTS_PENDING_DURATION)
                .where(INSIGHTS_PENDING_DURATION.EVENT_ID.in(hourById.keySet())).fetch();
        if (pending.isEmpty()) {
            return;
        }
        Map<DurationKey, Long> counts = new HashMap<>();
        for (var row : pending) {
            counts.merge(new DurationKey(hourById.get(row.getEventId()), DurationBuckets.edgeOf(row.getSeconds())),
                    1L, Long::sum);
        }
        counts.forEach((key, n) -> {
            int updated = tx.update(INSIGHTS_DURATION)
                    .set(INSIGHTS_DURATION.COMPLETED, INSIGHTS_DURATION.COMPLETED.plus(n))
                    .where(INSIGHTS_DURATION.HOUR_START.eq(key.hour()))
                    .and(INSIGHTS_DURATION.BUCKET_UPPER_SECONDS.eq(key.edge()))
                    .execute();
            if (updated == 0) {
                tx.insertInto(INSIGHTS_DURATION)
                        .set(INSIGHTS_DURATION.HOUR_START, key.hour())
                        .set(INSIGHTS_DURATION.BUCKET_UPPER_SECONDS, key.edge())
                        .set(INSIGHTS_DURATION.COMPLETED, n)
                        .execute();
            }
        });
        tx.deleteFrom(INSIGHTS_PENDING_DURATION)
                .where(INSIGHTS_PENDING_DURATION.EVENT_ID.in(hourById.keySet())).execute();
    }
}
