package org.opensspr.server.reset;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleEventKind;

import org.opensspr.api.ApiPaths;
import org.opensspr.server.http.BinaryResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.time.Instant;

/**
 * Answers to app notifications, from the phone, through the signed URL the notification carries. The
 * checks come first and change nothing: the signature, the expiry written in the token, the answer's
 * shape. Then, in one transaction, the answer is written once, counted (a denial or a wrong number is a
 * failed proof) and audited. The kiosk learns the outcome at its next check of the gate.
 */
final class NotificationAnswers {
    private final Database database;
    private final Clock clock;
    private final PushChallenges challenges;
    private final FlowRepository flows;
    private final ThrottleStore throttles;
    private final AuditLog audit;
    private final UserCredentials credentials = new UserCredentials();

    NotificationAnswers(Database database, Clock clock, PushChallenges challenges, FlowRepository flows,
                        ThrottleStore throttles, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.challenges = challenges;
        this.flows = flows;
        this.throttles = throttles;
        this.audit = audit;
    }

    /** Whether {@code token} is genuine and still answerable (for the answer page); changes nothing. */
    PushChallenges.Signed checked(String token) {
        PushChallenges.Signed signed = challenges.verify(token).orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "This link is not valid."));
        if (!clock.instant().isBefore(signed.expiresAt())) {
            throw new ApiException(ErrorCode.FLOW_EXPIRED, "This notification has expired. Ask the lock screen for another.");
        }
        return signed;
    }

    void answer(String token, String answer) {
        PushChallenges.Signed signed = checked(token);
        String given = shaped(answer);
        Instant now = clock.instant();
        database.inTransactionDo(tx -> {
            FlowRecord flow = challenges.flowOf(tx, signed.challengeId()).flatMap(id -> flows.find(tx, id))
                    .orElseThrow(NotificationAnswers::alreadyAnswered);
            credentials.lockRow(tx, flow.userId());
            PushChallenges.Open open = challenges.forFlow(tx, flow.id())
                    .filter(o -> o.id().equals(signed.challengeId())).orElseThrow(NotificationAnswers::alreadyAnswered);
            if (!challenges.answer(tx, open.id(), given, now)) {
                throw alreadyAnswered();
            }
            boolean approved = given.equals(String.valueOf(open.matchNumber()));
            throttles.record(tx, ThrottleStore.userKey(flow.userId()), ThrottleEventKind.APP_NOTIFICATION_ATTEMPT,
                    !approved, now);
            String who = flow.enteredUser();
            String details = "App notification answered [flow " + flow.id() + "]";
            audit.append(tx, (approved ? AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, who, who)
                    : AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, who, who,
                    PushChallenges.DENY.equals(given) ? "NOTIFICATION_DENIED" : "WRONG_NUMBER"))
                    .withKiosk(flow.kioskId()).withDetails(details));
        });
    }

    /** The answer page: the numbers and Deny, in the language of the lock screen; an outcome page when it can't be answered. */
    BinaryResponse page(String token) {
        PushChallenges.Signed signed = challenges.verify(token).orElse(null);
        if (signed == null) {
            return AnswerPage.message(Locale.ENGLISH, "invalid");
        }
        PushChallenges.Open open = database.inTransaction(tx -> challenges.find(tx, signed.challengeId()).orElse(null));
        if (open == null || open.answered()) {
            return AnswerPage.message(signed.locale(), "answered");
        }
        if (!clock.instant().isBefore(signed.expiresAt())) {
            return AnswerPage.message(signed.locale(), "expired");
        }
        return AnswerPage.choices(signed.locale(), ApiPaths.PUSH_ANSWERS + "/" + token + "/form", open.choices());
    }

    /** The page's form posted: the same checks and outcome as {@link #answer}, told as a page. */
    BinaryResponse answerFromForm(String token, byte[] form) {
        String answer = "";
        for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("answer=")) {
                answer = URLDecoder.decode(pair.substring("answer=".length()), StandardCharsets.UTF_8);
            }
        }
        Locale locale = challenges.verify(token).map(PushChallenges.Signed::locale).orElse(Locale.ENGLISH);
        try {
            answer(token, answer);
            return AnswerPage.message(locale, "thanks");
        } catch (ApiException refused) {
            return AnswerPage.message(locale, switch (refused.code()) {
                case FLOW_EXPIRED -> "expired";
                case CONFLICT -> "answered";
                default -> "invalid";
            });
        }
    }

    private static String shaped(String answer) {
        String text = answer == null ? "" : answer.strip();
        if (text.equalsIgnoreCase(PushChallenges.DENY)) {
            return PushChallenges.DENY;
        }
        if (!text.matches("[1-9][0-9]")) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "answer", "Answer with the number picked (two digits) or DENY.");
        }
        return text;
    }

    private static ApiException alreadyAnswered() {
        return new ApiException(ErrorCode.CONFLICT, "This notification was already answered, or another replaced it.");
    }
}
