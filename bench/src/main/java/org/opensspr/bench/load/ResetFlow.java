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
import org.opensspr.methods.PhoneDelivery;
import org.opensspr.server.testmode.TestModeFeature;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

/**
 * One complete reset through the kiosk's own calls, in the kiosk's order (WizardModel and its steps): start,
 * identify with the captcha, then for each gate of the plan choose its method (the server sends a code, calls,
 * pushes or draws questions) and prove it as the person would ({@link GateProof}), and set a new password. Any
 * other answer stops the flow with a reason.
 */
final class ResetFlow {
    static final String START = "POST /api/v1/reset/flows";
    static final String IDENTIFY = "POST /api/v1/reset/flows/identify";
    static final String CHOOSE_METHOD = "POST /api/v1/reset/flows/method";
    static final String PROVE = "POST /api/v1/reset/flows/prove";
    static final String NEW_PASSWORD = "POST /api/v1/reset/flows/password";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<OpenSsprClient> instances;
    private final MethodPlan plan;
    private final TestOutbox outbox;
    private final PhoneApp phone;
    private final EndpointLatencies.Timer timer;
    private int next;
    private String ticket;
    private GateProof proof;
    private String newPassword;

    /**
     * {@code instances}: the kiosk's client of each server instance; the flow's steps go to them in turn from
     * {@code first}, so with several a flow started on one goes on and finishes on others.
     */
    ResetFlow(List<OpenSsprClient> instances, int first, MethodPlan plan, TestOutbox outbox, PhoneApp phone,
              EndpointLatencies.Timer timer) {
        this.instances = List.copyOf(instances);
        this.next = Math.floorMod(first, this.instances.size());
        this.plan = plan;
        this.outbox = outbox;
        this.phone = phone;
        this.timer = timer;
    }

    /** Runs the flow to its end; throws what stopped it, after abandoning the flow so it holds nothing. */
    void run(UserPool.Lease lease) {
        proof = new GateProof(outbox, phone, timer, lease);
        try {
            FlowResponse started = step(START, kiosk -> kiosk.startFlow(new StartFlowRequest(FlowIntent.RESET_PASSWORD, "en-US")));
            FlowResponse answer = step(IDENTIFY, kiosk -> kiosk.identify(new IdentifyRequest(ticket,
                    lease.user().userPrincipalName(), started.captcha().captchaId(), TestModeFeature.CAPTCHA_ANSWER)));
            for (AuthMethod method : plan.gates()) {
                expect(answer, FlowStep.ChooseMethod.class);
                // A mobile phone's code is texted, an office phone's read out by a call (its only way).
                PhoneDelivery delivery = method == AuthMethod.MOBILE_PHONE ? PhoneDelivery.TEXT : null;
                answer = step(CHOOSE_METHOD, kiosk -> kiosk.chooseMethod(new ChooseMethodRequest(ticket, method, delivery)));
                expect(answer, FlowStep.ProveIdentity.class);
                // Reading the code (or tapping the phone) is the person's time, not the call's: before it.
                ProveRequest request = proof.prove(ticket, answer.challenge());
                answer = step(PROVE, kiosk -> kiosk.prove(request));
            }
            expect(answer, FlowStep.SetNewPassword.class);
            String password = newPassword();
            answer = step(NEW_PASSWORD, kiosk -> kiosk.setNewPassword(new NewPasswordRequest(ticket, password)));
            expect(answer, FlowStep.Completed.class);
            ticket = null;
            newPassword = password;
        } catch (RuntimeException stopped) {
            abandon();
            throw stopped;
        }
    }

    /** The password this flow set; null unless it completed. */
    String newPasswordSet() {
        return newPassword;
    }

    /** The newest outbox message this flow used (the lease's before it read one). */
    long lastMessageId() {
        return proof.lastMessageId();
    }

    /** The app step whose code this flow used (the lease's if it used none). */
    long appStep() {
        return proof.appStep();
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
}
