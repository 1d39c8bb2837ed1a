package org.opensspr.bench.load;

import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.testmode.TestModeFeature;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

/**
 * One complete email-code reset through the kiosk's own calls, in the kiosk's order (WizardModel and its steps):
 * start, identify with the captcha, choose EMAIL (the server sends the code), prove with the code read from the
 * test outbox, set a new password. Any other answer stops the flow with a reason.
 */
final class ResetFlow {
    static final String START = "POST /api/v1/reset/flows";
    static final String IDENTIFY = "POST /api/v1/reset/flows/identify";
    static final String CHOOSE_METHOD = "POST /api/v1/reset/flows/method";
    static final String PROVE = "POST /api/v1/reset/flows/prove";
    static final String NEW_PASSWORD = "POST /api/v1/reset/flows/password";
    private static final int EMAIL_CODE_DIGITS_IF_UNSAID = 8;
    private static final int OUTBOX_READS = 5;
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<OpenSsprClient> instances;
    private final TestOutbox outbox;
    private final EndpointLatencies.Timer timer;
    private int next;
    private String ticket;
    private long codeId;

    /**
     * {@code instances}: the kiosk's client of each server instance; the flow's steps go to them in turn from
     * {@code first}, so with several a flow started on one goes on and finishes on others.
     */
    ResetFlow(List<OpenSsprClient> instances, int first, TestOutbox outbox, EndpointLatencies.Timer timer) {
        this.instances = List.copyOf(instances);
        this.next = Math.floorMod(first, this.instances.size());
        this.outbox = outbox;
        this.timer = timer;
    }

    /** Runs the flow to its end; throws what stopped it, after abandoning the flow so it holds nothing. */
    void run(UserPool.Lease lease) {
        try {
            FlowResponse started = step(START, kiosk -> kiosk.startFlow(new StartFlowRequest(FlowIntent.RESET_PASSWORD, "en-US")));
            FlowResponse answer = step(IDENTIFY, kiosk -> kiosk.identify(new IdentifyRequest(ticket,
                    lease.user().userPrincipalName(), started.captcha().captchaId(), TestModeFeature.CAPTCHA_ANSWER)));
            if (answer.step() instanceof FlowStep.ChooseMethod) {
                answer = step(CHOOSE_METHOD, kiosk -> kiosk.chooseMethod(new ChooseMethodRequest(ticket, AuthMethod.EMAIL)));
            }
            expect(answer, FlowStep.ProveIdentity.class);
            String code = readCode(lease, answer);
            answer = step(PROVE, kiosk -> kiosk.prove(new ProveRequest(ticket, code, null)));
            expect(answer, FlowStep.SetNewPassword.class);
            answer = step(NEW_PASSWORD, kiosk -> kiosk.setNewPassword(new NewPasswordRequest(ticket, newPassword())));
            expect(answer, FlowStep.Completed.class);
            ticket = null;
        } catch (RuntimeException stopped) {
            abandon();
            throw stopped;
        }
    }

    /** The outbox id of the code this flow used (0 before it read one). */
    long codeId() {
        return codeId;
    }

    /** Sends the step to the next instance in turn. */
    private FlowResponse step(String endpoint, Function<OpenSsprClient, FlowResponse> call) {
        OpenSsprClient kiosk = instances.get(next);
        next = (next + 1) % instances.size();
        FlowResponse answer = timer.time(endpoint, () -> call.apply(kiosk));
        ticket = answer.ticket();
        if (answer.step() instanceof FlowStep.DeadEnd dead) {
            ticket = null; // a dead end has closed the flow
            throw new ErrorCounts.FlowStopped("DEAD_END:" + dead.reason());
        }
        return answer;
    }

    private static void expect(FlowResponse answer, Class<? extends FlowStep> step) {
        if (!step.isInstance(answer.step())) {
            String notice = answer.notice() == null || answer.notice().isBlank() ? "" : " " + answer.notice();
            throw new ErrorCounts.FlowStopped("UNEXPECTED_STEP:" + answer.step().getClass().getSimpleName() + notice);
        }
    }

    /** The code is queued in the same transaction that answers the choice, so it's there; a few reads allow for lag. */
    private String readCode(UserPool.Lease lease, FlowResponse challenged) {
        int digits = challenged.challenge() != null && challenged.challenge().codeFormat() != null
                ? challenged.challenge().codeFormat().length() : EMAIL_CODE_DIGITS_IF_UNSAID;
        for (int read = 0; read < OUTBOX_READS; read++) {
            TestOutbox.Code code = outbox.newestCode(lease.user().alternateEmail(), lease.lastCodeId(), digits, timer);
            if (code != null) {
                codeId = code.messageId();
                return code.digits();
            }
            sleep(20L << read);
        }
        throw new ErrorCounts.FlowStopped("NO_CODE_IN_OUTBOX");
    }

    /** Long and random: always passes the policy (all four kinds of character, nothing banned, never the last one). */
    static String newPassword() {
        StringBuilder password = new StringBuilder("Kq7-");
        for (int i = 0; i < 20; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    private void abandon() {
        if (ticket != null) {
            try {
                instances.get(next).abandonFlow(ticket);
            } catch (RuntimeException ignored) {
                // best effort, as the kiosk does: the flow expires on its own
            }
            ticket = null;
        }
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
