package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.secinfo.UserTotp;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleEventKind;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Approve a notification on the Authenticator app, with number matching: the kiosk shows a two-digit
 * number, the phone offers three, and only the right one approves. The phone's answer arrives through
 * {@link NotificationAnswers} (which counts it); checking here only reads what was answered, so the kiosk
 * may ask as often as it likes while it waits.
 */
final class AppNotificationGate implements Gate {
    /** How long a notification can be answered. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    static final Duration RESEND_PAUSE = Duration.ofSeconds(30);

    private final PushChallenges challenges;
    private final PushSender sender;
    private final UserTotp apps;
    private final ThrottleStore throttles;
    private final RandomGenerator random;

    AppNotificationGate(PushChallenges challenges, PushSender sender, UserTotp apps, ThrottleStore throttles) {
        this.challenges = challenges;
        this.sender = sender;
        this.apps = apps;
        this.throttles = throttles;
        this.random = new SecureRandom();
    }

    @Override
    public Set<AuthMethod> methods() {
        return Set.of(AuthMethod.MOBILE_APP_NOTIFICATION);
    }

    @Override
    public Challenge open(DSLContext tx, GateContext context) {
        String topic = apps.pushTopic(tx, context.user().id()).orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "No Authenticator app is registered to receive the notification; choose another method."));
        int match = 10 + random.nextInt(90);
        PushChallenges.Open open = challenges.open(tx, context.flow().id(), match, choices(match), context.now(),
                context.now().plus(LIFETIME));
        sender.send(tx, topic, challenges.token(open, context.locale()), open.choices(), open.expiresAt(), context);
        // Each notification sent counts towards the hourly limit, answered or not.
        throttles.record(tx, ThrottleStore.userKey(context.user().id()), ThrottleEventKind.APP_NOTIFICATION_ATTEMPT,
                false, context.now());
        return new Challenge(challenge(open), List.of());
    }

    /** The right number and two others, all different, in random order. */
    private List<String> choices(int match) {
        List<Integer> numbers = new ArrayList<>(List.of(match));
        while (numbers.size() < 3) {
            int other = 10 + random.nextInt(90);
            if (!numbers.contains(other)) {
                numbers.add(other);
            }
        }
        Collections.shuffle(numbers, java.util.Random.from(random));
        return numbers.stream().map(String::valueOf).toList();
    }

    @Override
    public ChallengeDto describe(DSLContext tx, GateContext context) {
        return challenges.forFlow(tx, context.flow().id()).map(AppNotificationGate::challenge)
                // Spent or never sent: nothing to match; "send again" is open.
                .orElse(new ChallengeDto(AuthMethod.MOBILE_APP_NOTIFICATION, null, null, List.of(), null,
                        context.now(), null, null));
    }

    private static ChallengeDto challenge(PushChallenges.Open open) {
        return new ChallengeDto(AuthMethod.MOBILE_APP_NOTIFICATION, null, null, List.of(), open.expiresAt(),
                open.createdAt().plus(RESEND_PAUSE), null, open.matchNumber());
    }

    @Override
    public Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers) {
        PushChallenges.Open open = challenges.forFlow(tx, context.flow().id()).orElse(null);
        Instant now = context.now();
        if (open == null) {
            return new Proof.Pending("NOTIFICATION_EXPIRED");
        }
        if (!open.answered()) {
            return now.isBefore(open.expiresAt()) ? new Proof.Pending("WAITING_FOR_APPROVAL")
                    : new Proof.Pending("NOTIFICATION_EXPIRED");
        }
        challenges.spend(tx, open.id());
        if (PushChallenges.DENY.equals(open.answer())) {
            return new Proof.Failed("NOTIFICATION_DENIED", false);
        }
        return String.valueOf(open.matchNumber()).equals(open.answer()) ? new Proof.Passed()
                : new Proof.Failed("WRONG_NUMBER", false);
    }

    @Override
    public boolean resendable() {
        return true;
    }

    /** The phone's answer was counted when it arrived ({@link NotificationAnswers}). */
    @Override
    public boolean countedWhereAnswered() {
        return true;
    }
}
