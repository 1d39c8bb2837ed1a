package org.opensspr.kiosk.gates;

import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.methods.AuthMethod;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One view per method kind. A method without a view here is shown in the method list as "not available
 * at this kiosk yet" and can't be chosen.
 */
public final class GateViews {

    @FunctionalInterface
    public interface Factory {
        FlowStepView create(StepContext context, FlowResponse response, FlowStep.ProveIdentity step);
    }

    private final Map<AuthMethod, Factory> factories = new EnumMap<>(AuthMethod.class);

    /**
     * Every method's gate: a code sent by email, text or call, the app's code or notification, the questions.
     *
     * @param polls a new countdown between two asks whether a notification was answered (a test runs it out)
     */
    public static GateViews standard(Supplier<Countdown> polls) {
        return new GateViews()
                .register(AuthMethod.EMAIL, CodeSentGate::new)
                .register(AuthMethod.MOBILE_PHONE, CodeSentGate::new)
                .register(AuthMethod.OFFICE_PHONE, CodeSentGate::new)
                .register(AuthMethod.MOBILE_APP_CODE, AuthenticatorCodeGate::new)
                .register(AuthMethod.MOBILE_APP_NOTIFICATION, (context, response, step) ->
                        new NotificationGate(context, response, step, polls.get()))
                .register(AuthMethod.SECURITY_QUESTIONS, SecurityQuestionsGate::new);
    }

    public GateViews register(AuthMethod method, Factory factory) {
        factories.put(method, factory);
        return this;
    }

    public boolean supports(AuthMethod method) {
        return factories.containsKey(method);
    }

    public FlowStepView create(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        Factory factory = factories.get(step.method());
        return factory == null ? new NotYetAvailableGate(context, step) : factory.create(context, response, step);
    }
}
