package org.opensspr.server.insights;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.opensspr.api.BlockedUserDto;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.Throttle;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEvent;
import org.opensspr.throttling.ThrottleEventKind;
import org.opensspr.throttling.ThrottleRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.THROTTLE_EVENT;

/**
 * Users blocked from self-service reset now. There is no block table: a block is what the per-user throttle
 * decides from a user's recent throttle events, so this asks the same {@link Throttle} the kiosk flow asks. Only
 * users with at least as many events in the throttle's horizon as its smallest limit can be blocked, so those are
 * the candidates (found through the index on {@code occurred_at}); at most {@link #MAX_CANDIDATES} are judged.
 */
final class BlockedNow {
    static final int LISTED = 100;
    /** Bounds the work; with more candidates than this, {@code blockedNow} counts the first ones only. */
    static final int MAX_CANDIDATES = 20_000;
    private static final int CHUNK = 500;
    private static final Throttle PER_USER = Throttle.perUser();
    private static final String USER_PREFIX = ThrottleStore.userKey("");

    record Blocked(long count, List<BlockedUserDto> soonestEnding) {
    }

    private record Block(String userId, Instant until) {
    }

    static Blocked find(DSLContext tx, Instant now) {
        Instant since = now.minus(PER_USER.horizon());
        int minimum = PER_USER.rules().stream().mapToInt(ThrottleRule::limit).min().orElse(1);
        List<String> candidates = tx.select(THROTTLE_EVENT.SUBJECT_KEY).from(THROTTLE_EVENT)
                .where(THROTTLE_EVENT.OCCURRED_AT.ge(DbTime.of(since)))
                .and(THROTTLE_EVENT.SUBJECT_KEY.startsWith(USER_PREFIX))
                .groupBy(THROTTLE_EVENT.SUBJECT_KEY)
                .having(DSL.count().ge(minimum))
                .orderBy(THROTTLE_EVENT.SUBJECT_KEY)
                .limit(MAX_CANDIDATES)
                .fetch(THROTTLE_EVENT.SUBJECT_KEY);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i += CHUNK) {
            List<String> chunk = candidates.subList(i, Math.min(candidates.size(), i + CHUNK));
            Map<String, List<ThrottleEvent>> events = new HashMap<>();
            tx.select(THROTTLE_EVENT.SUBJECT_KEY, THROTTLE_EVENT.KIND, THROTTLE_EVENT.FAILED_PROOF,
                            THROTTLE_EVENT.OCCURRED_AT).from(THROTTLE_EVENT)
                    .where(THROTTLE_EVENT.SUBJECT_KEY.in(chunk))
                    .and(THROTTLE_EVENT.OCCURRED_AT.ge(DbTime.of(since)))
                    .fetch().forEach(r -> events.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new ThrottleEvent(r.value4().toInstant(), ThrottleEventKind.valueOf(r.value2()),
                                    r.value3())));
            events.forEach((subject, list) -> {
                if (PER_USER.decide(list, now) instanceof ThrottleDecision.Blocked blocked) {
                    blocks.add(new Block(subject.substring(USER_PREFIX.length()), blocked.until()));
                }
            });
        }
        blocks.sort(Comparator.comparing(Block::until).thenComparing(Block::userId));
        List<Block> listed = blocks.subList(0, Math.min(LISTED, blocks.size()));
        Map<String, String> upns = new HashMap<>();
        if (!listed.isEmpty()) {
            tx.select(DIRECTORY_USER.ID, DIRECTORY_USER.UPN).from(DIRECTORY_USER)
                    .where(DIRECTORY_USER.ID.in(listed.stream().map(Block::userId).toList()))
                    .fetch().forEach(r -> upns.put(r.value1(), r.value2()));
        }
        List<BlockedUserDto> users = listed.stream().filter(b -> upns.containsKey(b.userId()))
                .map(b -> new BlockedUserDto(upns.get(b.userId()), b.until())).toList();
        return new Blocked(blocks.size(), users);
    }
}
