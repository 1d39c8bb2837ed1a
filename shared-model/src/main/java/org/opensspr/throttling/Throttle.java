package org.opensspr.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.opensspr.throttling.ThrottleEventKind.APP_CODE_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.APP_NOTIFICATION_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.EMAIL_SENT;
import static org.opensspr.throttling.ThrottleEventKind.FLOW_STARTED;
import static org.opensspr.throttling.ThrottleEventKind.SECURITY_QUESTION_ATTEMPT;
import static org.opensspr.throttling.ThrottleEventKind.SMS_SENT;
import static org.opensspr.throttling.ThrottleEventKind.VOICE_CALL_PLACED;

/**
 * A set of throttling rules applied together to one subject's events: {@link #perUser()} to a
 * user's reset events, {@link #perKiosk()} to one kiosk's flow starts.
 */
public record Throttle(List<ThrottleRule> rules) {

    /** 5 failed identity proofs (any method) in 24 h → blocked 24 h. */
    public static final ThrottleRule FAILED_PROOFS = new ThrottleRule(
            "failed-proofs", Duration.ofHours(24), 5, Duration.ofHours(24), ThrottleEvent::failedProof);

    private static final Set<ThrottleEventKind> METHOD_ATTEMPT_KINDS = EnumSet.of(
            SMS_SENT, VOICE_CALL_PLACED, ThrottleEventKind.PHONE_CODE_ATTEMPT, APP_CODE_ATTEMPT, APP_NOTIFICATION_ATTEMPT, SECURITY_QUESTION_ATTEMPT);

    /** 5 SMS / voice / app / security-question attempts or sends in 1 h, right or wrong → blocked 24 h. */
    public static final ThrottleRule METHOD_ATTEMPTS = new ThrottleRule(
            "method-attempts", Duration.ofHours(1), 5, Duration.ofHours(24),
            event -> METHOD_ATTEMPT_KINDS.contains(event.kind()));

    /** More than 10 emails sent in 10 minutes → blocked 24 h. */
    public static final ThrottleRule EMAILS_SENT = new ThrottleRule(
            "emails-sent", Duration.ofMinutes(10), 11, Duration.ofHours(24),
            event -> event.kind() == EMAIL_SENT);

    /** 30 flow starts at one kiosk in 10 minutes → that kiosk waits 10 minutes. */
    public static final ThrottleRule KIOSK_FLOW_STARTS = new ThrottleRule(
            "kiosk-flow-starts", Duration.ofMinutes(10), 30, Duration.ofMinutes(10),
            event -> event.kind() == FLOW_STARTED);

    private static final Throttle PER_USER = new Throttle(List.of(FAILED_PROOFS, METHOD_ATTEMPTS, EMAILS_SENT));
    private static final Throttle PER_KIOSK = new Throttle(List.of(KIOSK_FLOW_STARTS));

    public Throttle {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a throttle needs at least one rule");
        }
    }

    /** The user rules of docs/design.md §11. */
    public static Throttle perUser() {
        return PER_USER;
    }

    /** The kiosk rule of docs/design.md §11. */
    public static Throttle perKiosk() {
        return PER_KIOSK;
    }

    /**
     * Decides from all of one subject's events, in any order. Events at or before the latest
     * {@link ThrottleEventKind#COUNTERS_CLEARED} don't count. Events later than {@code now} do
     * count: with several servers, one instance's clock may run ahead of another's, and a block
     * must not slip through that gap.
     */
    public ThrottleDecision decide(Collection<ThrottleEvent> events, Instant now) {
        Objects.requireNonNull(now, "now");
        List<ThrottleEvent> counting = sinceLastClear(events);
        ThrottleDecision decision = ThrottleDecision.OPEN;
        Instant latest = null;
        for (ThrottleRule rule : rules) {
            Optional<Instant> until = rule.blockedUntil(counting);
            if (until.isPresent() && now.isBefore(until.get())
                    && (latest == null || until.get().isAfter(latest))) {
                latest = until.get();
                decision = new ThrottleDecision.Blocked(latest, rule);
            }
        }
        return decision;
    }

    /**
     * How far back before {@code now} the caller must load events: older ones can no longer
     * affect the decision (a newer clear, if any, is inside this horizon or irrelevant).
     */
    public Duration horizon() {
        return rules.stream().map(ThrottleRule::horizon).max(Duration::compareTo).orElseThrow();
    }

    private static List<ThrottleEvent> sinceLastClear(Collection<ThrottleEvent> events) {
        Optional<Instant> lastClear = events.stream()
                .filter(event -> event.kind() == ThrottleEventKind.COUNTERS_CLEARED)
                .map(ThrottleEvent::at)
                .max(Instant::compareTo);
        if (lastClear.isEmpty()) {
            return List.copyOf(events);
        }
        return events.stream().filter(event -> event.at().isAfter(lastClear.get())).toList();
    }
}
