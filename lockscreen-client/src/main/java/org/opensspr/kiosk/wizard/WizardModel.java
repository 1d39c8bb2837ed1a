package org.opensspr.kiosk.wizard;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowNotice;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.deadend.DeadEnd;
import org.opensspr.ui.tasks.Background;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The parent model of one reset or unlock flow: the current screen, the ticket for the next request,
 * whether a request is under way (Next is off meanwhile) and the message about the last one. One model
 * per flow: the kiosk throws it away when the person leaves, and {@link #close()} ends the server's flow
 * so that its ticket is worthless (410) from then on. Used on the FX thread only.
 */
public final class WizardModel implements WizardDriver {
    private final OpenSsprClient client;
    private final Background background;
    private final Supplier<HelpdeskContactDto> fallbackHelpdesk;
    private final Supplier<Locale> locale;
    private final Runnable onLeave;

    private final ReadOnlyObjectWrapper<WizardScreen> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper(this, "messageKey", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper backAvailable = new ReadOnlyBooleanWrapper(this, "backAvailable");
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(this, "polling");
    private final StringProperty userId = new SimpleStringProperty(this, "userId");
    /** Polls go through their own queue: to the idle timer a poll is not the kiosk waiting for the server. */
    private final Background quiet = new Background();
    /** A request asked for while a poll was under way: it goes out with the poll's new ticket. */
    private ServerCall afterPoll;
    private FlowStep.ChooseMethod lastChoice;
    private boolean begunWithChoice;
    private Instant resendAt;
    private String ticket;
    private boolean flowOpen;
    private boolean closed;

    /**
     * @param fallbackHelpdesk whom to name at a dead end the server didn't describe (no server, for one)
     * @param prefilledUser    the user name typed at the sign-in screen, offered as the user ID; may be empty
     * @param onLeave          told when the person is done with the wizard (cancel, finished, dead end)
     */
    public WizardModel(OpenSsprClient client, Background background, Supplier<HelpdeskContactDto> fallbackHelpdesk,
                       Supplier<Locale> locale, String prefilledUser, Runnable onLeave) {
        this.client = client;
        this.background = background;
        this.fallbackHelpdesk = fallbackHelpdesk;
        this.locale = locale;
        this.onLeave = onLeave;
        this.userId.set(prefilledUser == null ? "" : prefilledUser.strip());
        screen.addListener((o, old, now) -> backAvailable.set(begunWithChoice && now instanceof WizardScreen.Step step
                && step.response().step() instanceof FlowStep.IdentifyUser));
    }

    /** Asks "reset or unlock?" first when unlocking is offered, else starts a reset right away. */
    public void begin(boolean offerUnlock) {
        if (offerUnlock) {
            screen.set(new WizardScreen.ChooseIntent());
        } else {
            start(FlowIntent.RESET_PASSWORD);
        }
    }

    public void start(FlowIntent intent) {
        send((c, t) -> c.startFlow(new StartFlowRequest(intent, locale.get().toLanguageTag())));
    }

    /** What Next does on {@code view}. */
    @Override
    public void next(FlowStepView view) {
        if (working.get() || closed) {
            return;
        }
        perform(view.next());
    }

    @Override
    public void perform(StepOutcome outcome) {
        if (working.get() || closed) {
            return;
        }
        switch (outcome) {
            case StepOutcome.Call call -> send(call.call());
            case StepOutcome.Start begin -> {
                begunWithChoice = true;
                start(begin.intent());
            }
            case StepOutcome.Invalid invalid -> say(invalid.messageKey(), true);
            case StepOutcome.Leave leave -> leave();
            case StepOutcome.Action other -> throw new IllegalStateException("Not a reset flow's action: " + other);
        }
    }

    /** Sends a request of the current step (Next, or a step's own action such as "send the code again"). */
    public void send(ServerCall call) {
        if (working.get() || closed) {
            return;
        }
        if (polling.get()) {
            afterPoll = call; // the ticket is out with the poll: this goes with the one it brings back
            return;
        }
        working.set(true);
        say("", false);
        String current = ticket;
        background.run(() -> call.call(client, current), this::accept, this::fail);
    }

    /**
     * Back, where there is a way back: from the user-ID step to "reset or unlock?". The server's flows
     * only go forward, so going back ends the flow that was started; the next choice starts a new one.
     */
    @Override
    public void back() {
        if (!backAvailable.get() || working.get() || closed) {
            return;
        }
        abandonIfOpen();
        say("", false);
        screen.set(new WizardScreen.ChooseIntent());
    }

    /** The person cancels: the server's flow ends and the kiosk goes back to the sign-in screen. */
    @Override
    public void cancel() {
        leave();
    }

    /**
     * A quiet request while a gate waits for something outside the kiosk (an app notification's answer): no
     * progress shown, Next stays, and an answer that is still {@code WAITING_FOR_APPROVAL} keeps the screen and
     * runs {@code stillWaiting}; any other answer (passed, denied, expired) is shown like any other.
     */
    public void poll(ServerCall call, Runnable stillWaiting) {
        if (working.get() || polling.get() || closed) {
            return;
        }
        polling.set(true);
        String current = ticket;
        WizardScreen asked = screen.get();
        quiet.run(() -> call.call(client, current), response -> {
            polling.set(false);
            ServerCall queued = afterPoll;
            afterPoll = null;
            if (closed || !FlowNotice.WAITING_FOR_APPROVAL.name().equals(response.notice())) {
                accept(response); // a decision wins over what was asked for meanwhile
            } else if (queued != null) {
                ticket = response.ticket();
                send(queued);
            } else {
                ticket = response.ticket();
                if (screen.get() == asked) {
                    stillWaiting.run();
                }
            }
            if (closed) {
                quiet.close();
            }
        }, failure -> {
            polling.set(false);
            afterPoll = null;
            fail(failure);
            if (closed) {
                quiet.close();
            }
        });
    }

    /** Ends the server's flow if one is open (its ticket answers 410 afterwards). Safe to call twice. */
    public void close() {
        closed = true;
        if (!polling.get()) {
            quiet.close(); // else the poll's answer brings the ticket that ends the flow, then closes it
        }
        abandonIfOpen();
    }

    /**
     * At shutdown: ends the open flow on this thread, since no background answer would be waited for.
     * A server that can't be reached lets the flow expire on its own.
     */
    public void closeNow() {
        closed = true;
        quiet.close();
        if (flowOpen && ticket != null) {
            flowOpen = false;
            try {
                client.abandonFlow(ticket);
            } catch (RuntimeException unreachable) {
                // the flow expires after 15 minutes anyway
            }
        }
    }

    private void leave() {
        close();
        onLeave.run();
    }

    private void accept(FlowResponse response) {
        working.set(false);
        ticket = response.ticket();
        flowOpen = !(response.step() instanceof FlowStep.Completed || response.step() instanceof FlowStep.DeadEnd);
        if (closed) {
            abandonIfOpen(); // the answer came after the person left: end that flow too
            return;
        }
        if (response.step() instanceof FlowStep.DeadEnd dead) {
            screen.set(new WizardScreen.Stopped(new DeadEnd(DeadEnd.Kind.of(dead.reason()), dead.retryAfter(),
                    response.helpdesk() != null ? response.helpdesk() : fallbackHelpdesk.get())));
            return;
        }
        rememberResend(response);
        if (response.step() instanceof FlowStep.ChooseMethod choice) {
            lastChoice = choice;
        }
        screen.set(new WizardScreen.Step(response));
        if (response.notice() != null && !response.notice().isBlank()) {
            say(NoticeWords.key(response), NoticeWords.isError(response.notice()));
        }
    }

    private void fail(Exception failure) {
        working.set(false);
        if (closed) {
            return;
        }
        switch (Failures.of(failure, fallbackHelpdesk.get())) {
            case Failures.Outcome.Stay stay -> say(stay.messageKey(), true);
            case Failures.Outcome.Stop stop -> {
                abandonIfOpen();
                screen.set(new WizardScreen.Stopped(stop.deadEnd()));
            }
        }
    }

    /** The server says when "send again" opens with every answer at a code gate; kept in case one doesn't. */
    private void rememberResend(FlowResponse response) {
        if (!(response.step() instanceof FlowStep.ProveIdentity)) {
            resendAt = null;
        } else if (response.challenge() != null && response.challenge().resendAvailableAt() != null) {
            resendAt = response.challenge().resendAvailableAt();
        }
    }

    /** When "send a new code" opens for the current gate: from this answer, else from the last that said. */
    public Instant resendAvailableAt(ChallengeDto challenge) {
        return challenge != null && challenge.resendAvailableAt() != null ? challenge.resendAvailableAt() : resendAt;
    }

    private void abandonIfOpen() {
        if (flowOpen && ticket != null) {
            flowOpen = false;
            String spent = ticket;
            background.run(() -> {
                client.abandonFlow(spent);
                return null;
            }, ignored -> { }, ignored -> { }); // best effort: an unreachable server lets the flow expire
        }
    }

    private void say(String key, boolean error) {
        messageIsError.set(error);
        messageKey.set(key);
    }

    /** The last method choice the server offered (a gate offers "use another method" when it had more). */
    public FlowStep.ChooseMethod lastChoice() {
        return lastChoice;
    }

    /** True while a quiet poll is under way (tests wait for it to end). */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /** The ticket the next request will carry (null before the flow starts). */
    public String ticket() {
        return ticket;
    }

    /** The user ID typed in this flow (the identify step binds to it, so a new captcha keeps it). */
    public StringProperty userIdProperty() {
        return userId;
    }

    @Override
    public ReadOnlyBooleanProperty backAvailableProperty() {
        return backAvailable.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<WizardScreen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** A bundle key ("" for none) about the last request: a wrong code, a code sent again, … */
    @Override
    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
