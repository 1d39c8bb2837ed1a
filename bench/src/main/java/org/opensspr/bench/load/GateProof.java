package org.opensspr.bench.load;

import org.opensspr.api.ChallengeDto;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.QuestionDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the person does to pass one open gate, by its method: reads the code the server emailed, texted or read
 * out (from the test outbox), types the code their app shows now, answers the questions drawn, or taps the number
 * on their phone's notification. One per flow: it remembers the newest message and app step the flow used, so
 * the next flow of the same person never takes them again.
 */
final class GateProof {
    private static final int OUTBOX_READS = 5;
    /** An app notification as the outbox keeps it: JSON with the URL the phone answers at. */
    private static final Pattern NOTICE = Pattern.compile("\"answerUrl\"");

    private final TestOutbox outbox;
    private final PhoneApp phone;
    private final EndpointLatencies.Timer timer;
    private final UserPool.Lease lease;
    private long lastMessageId;
    private long appStep;

    GateProof(TestOutbox outbox, PhoneApp phone, EndpointLatencies.Timer timer, UserPool.Lease lease) {
        this.outbox = outbox;
        this.phone = phone;
        this.timer = timer;
        this.lease = lease;
        this.lastMessageId = lease.lastMessageId();
        this.appStep = lease.lastAppStep();
    }

    /** The proof for the open {@code challenge}; for a notification, tapped on the phone first (no code). */
    ProveRequest prove(String ticket, ChallengeDto challenge) {
        LoadUser user = lease.user();
        return switch (challenge.method()) {
            case EMAIL -> new ProveRequest(ticket, code(user.alternateEmail(), written(challenge)), null);
            case MOBILE_PHONE, OFFICE_PHONE -> new ProveRequest(ticket, code(
                    challenge.method() == AuthMethod.MOBILE_PHONE ? user.mobilePhone()
                            : user.officePhone(),
                    challenge.delivery() == PhoneDelivery.CALL ? spoken(challenge) : written(challenge)), null);
            case MOBILE_APP_CODE -> new ProveRequest(ticket, appCode(user), null);
            case MOBILE_APP_NOTIFICATION -> {
                phone.tap(message(user.app().pushTopic(), NOTICE).body(), challenge.matchNumber(), timer);
                yield new ProveRequest(ticket, null, null);
            }
            case SECURITY_QUESTIONS -> new ProveRequest(ticket, null, answers(user, challenge));
        };
    }

    long lastMessageId() {
        return lastMessageId;
    }

    long appStep() {
        return appStep;
    }

    /** The code the app shows now; the pool lent this person only once their app shows a step not used yet. */
    private String appCode(LoadUser user) {
        long step = AuthenticatorApp.stepAt(System.currentTimeMillis());
        if (step <= appStep) {
            throw new ErrorCounts.FlowStopped("APP_STEP_ALREADY_USED"); // the pool's rule broken: a bug here
        }
        appStep = step;
        return user.app().code(step);
    }

    private static Map<String, String> answers(LoadUser user, ChallengeDto challenge) {
        Map<String, String> given = new LinkedHashMap<>();
        for (QuestionDto question : challenge.questions()) {
            given.put(question.id(), user.answers().getOrDefault(question.id(), "not registered"));
        }
        return given;
    }

    /** Digits in one run: "12345678" in a mail or a text. */
    private static Pattern written(ChallengeDto challenge) {
        return Pattern.compile("\\b(\\d{" + challenge.codeFormat().length() + "})\\b");
    }

    /** Digits read out one by one: "1, 2, 3, 4, 5, 6, 7, 8" in a call's script. */
    private static Pattern spoken(ChallengeDto challenge) {
        return Pattern.compile("\\b(\\d(?:, \\d){" + (challenge.codeFormat().length() - 1) + "})\\b");
    }

    private String code(String recipient, Pattern shape) {
        Matcher found = shape.matcher(message(recipient, shape).body());
        found.find();
        return found.group(1).replaceAll("\\D", "");
    }

    /**
     * The newest message to {@code recipient} that this person hasn't used and that has {@code shape} in it (a
     * mail may be the last reset's notice): queued in the step's own transaction, so it is there; a few reads
     * allow for lag.
     */
    private OutboxMessageDto message(String recipient, Pattern shape) {
        for (int read = 0; read < OUTBOX_READS; read++) {
            for (OutboxMessageDto message : outbox.newest(recipient, lastMessageId, timer)) {
                if (shape.matcher(message.body()).find()) {
                    lastMessageId = message.id();
                    return message;
                }
            }
            sleep(20L << read);
        }
        throw new ErrorCounts.FlowStopped("NOTHING_IN_OUTBOX");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrorCounts.FlowStopped("INTERRUPTED");
        }
    }
}
