package org.opensspr.kiosk;

import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.deadend.DeadEndStep;
import org.opensspr.kiosk.done.DoneStep;
import org.opensspr.kiosk.gates.ChooseMethodStep;
import org.opensspr.kiosk.gates.GateViews;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.kiosk.register.AllSetStep;
import org.opensspr.kiosk.register.AuthenticatorStep;
import org.opensspr.kiosk.register.ChooseProofStep;
import org.opensspr.kiosk.register.DeleteStep;
import org.opensspr.kiosk.register.EmailAddressStep;
import org.opensspr.kiosk.register.EmailCodeStep;
import org.opensspr.kiosk.register.OverviewStep;
import org.opensspr.kiosk.register.PhoneCodeStep;
import org.opensspr.kiosk.register.PhoneNumberStep;
import org.opensspr.kiosk.register.PromptStep;
import org.opensspr.kiosk.register.ProveStep;
import org.opensspr.kiosk.register.QuestionsStep;
import org.opensspr.kiosk.register.SecurityInfoScreen;
import org.opensspr.kiosk.register.StoppedStep;
import org.opensspr.kiosk.unlock.ConfirmUnlockStep;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.kiosk.wizard.IntentChoiceStep;
import org.opensspr.kiosk.wizard.StepViews;

import java.time.Duration;
import java.util.function.Supplier;

/** Every step the kiosk can show, in one place: a new step or gate is one more line here. */
public final class KioskSteps {
    private KioskSteps() {
    }

    /** How often a waiting app notification asks whether it was answered. */
    public static final Duration POLL_EVERY = Duration.ofSeconds(2);

    public static StepViews standard() {
        return standard(() -> Countdown.of(POLL_EVERY));
    }

    /** @param polls the countdown between two polls of a waiting notification (tests run their own out) */
    public static StepViews standard(Supplier<Countdown> polls) {
        GateViews gates = GateViews.standard(polls);
        return new StepViews(IntentChoiceStep::new, DeadEndStep::new)
                .register(FlowStep.IdentifyUser.class, (context, response, step) -> new VerifyStep(context, response))
                .register(FlowStep.ChooseMethod.class, (context, response, step) ->
                        new ChooseMethodStep(context, step, gates))
                .register(FlowStep.ProveIdentity.class, (context, response, step) ->
                        gates.create(context, response, step))
                .register(FlowStep.SetNewPassword.class, (context, response, step) ->
                        new NewPasswordStep(context, response))
                .register(FlowStep.ConfirmUnlock.class, (context, response, step) -> new ConfirmUnlockStep(context))
                .register(FlowStep.Completed.class, (context, response, step) ->
                        new DoneStep(context, step.completion()))
                // The security-info wizard (issue 12): screens the kiosk puts up from the session's state.
                .registerLocal(SecurityInfoScreen.Prompt.class, PromptStep::new)
                .registerLocal(SecurityInfoScreen.Overview.class, OverviewStep::new)
                .registerLocal(SecurityInfoScreen.ChooseMethod.class,
                        org.opensspr.kiosk.register.ChooseMethodStep::new)
                .registerLocal(SecurityInfoScreen.ChooseProof.class, ChooseProofStep::new)
                .registerLocal(SecurityInfoScreen.Prove.class, ProveStep::new)
                .registerLocal(SecurityInfoScreen.Authenticator.class, AuthenticatorStep::new)
                .registerLocal(SecurityInfoScreen.EmailAddress.class, EmailAddressStep::new)
                .registerLocal(SecurityInfoScreen.EmailCode.class, EmailCodeStep::new)
                .registerLocal(SecurityInfoScreen.PhoneNumber.class, PhoneNumberStep::new)
                .registerLocal(SecurityInfoScreen.PhoneCode.class, PhoneCodeStep::new)
                .registerLocal(SecurityInfoScreen.Questions.class, QuestionsStep::new)
                .registerLocal(SecurityInfoScreen.Delete.class, DeleteStep::new)
                .registerLocal(SecurityInfoScreen.Done.class, AllSetStep::new)
                .registerLocal(SecurityInfoScreen.Stopped.class, StoppedStep::new);
    }
}
