package org.opensspr.kiosk.gates;

import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.methods.AuthMethod;

import java.util.EnumMap;
import java.util.Map;

/**
 * One view per method kind. A method without a view here is shown in the method list as "not available
 * at this kiosk yet" and can't be chosen; the phone and push gates slot in by registering theirs.
 */
public final class GateViews {

    @FunctionalInterface
    public interface Factory {
        FlowStepView create(StepContext context, FlowResponse response, FlowStep.ProveIdentity step);
    }

    private final Map<AuthMethod, Factory> factories = new EnumMap<>(AuthMethod.class);

    /** Email code, authenticator code and security questions: the gates the server has today. */
    public static GateViews standard() {
        return new GateViews()
                .register(AuthMethod.EMAIL, EmailCodeGate::new)
                .register(AuthMethod.MOBILE_APP_CODE, AuthenticatorCodeGate::new)
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
