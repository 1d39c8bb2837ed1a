package org.opensspr.kiosk.wizard;

import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.deadend.DeadEnd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Which view renders which screen. The wizard itself knows no step: every kind of {@link FlowStep}
 * (and the two local screens) is registered here, so new steps — registration, phone, push — slot in
 * by registering a factory, without touching the frame or the model.
 */
public final class StepViews {

    /** Builds the view of one server step. */
    @FunctionalInterface
    public interface Factory<S extends FlowStep> {
        FlowStepView create(StepContext context, FlowResponse response, S step);
    }

    /** Builds the view of one local screen (the security-info wizard's). */
    @FunctionalInterface
    public interface LocalFactory<S extends WizardScreen.Local> {
        FlowStepView create(StepContext context, S screen);
    }

    private final Map<Class<? extends FlowStep>, Factory<? extends FlowStep>> factories = new LinkedHashMap<>();
    private final Map<Class<? extends WizardScreen.Local>, LocalFactory<? extends WizardScreen.Local>> locals =
            new LinkedHashMap<>();
    private final java.util.function.Function<StepContext, FlowStepView> chooseIntent;
    private final BiFunction<StepContext, DeadEnd, FlowStepView> stopped;

    public StepViews(java.util.function.Function<StepContext, FlowStepView> chooseIntent,
                     BiFunction<StepContext, DeadEnd, FlowStepView> stopped) {
        this.chooseIntent = chooseIntent;
        this.stopped = stopped;
    }

    public <S extends FlowStep> StepViews register(Class<S> step, Factory<S> factory) {
        factories.put(step, factory);
        return this;
    }

    public <S extends WizardScreen.Local> StepViews registerLocal(Class<S> screen, LocalFactory<S> factory) {
        locals.put(screen, factory);
        return this;
    }

    public FlowStepView create(StepContext context, WizardScreen screen) {
        return switch (screen) {
            case WizardScreen.ChooseIntent choose -> chooseIntent.apply(context);
            case WizardScreen.Stopped stop -> stopped.apply(context, stop.deadEnd());
            case WizardScreen.Step step -> forStep(context, step.response());
            case WizardScreen.Local local -> forLocal(context, local);
        };
    }

    @SuppressWarnings("unchecked")
    private <S extends WizardScreen.Local> FlowStepView forLocal(StepContext context, S screen) {
        LocalFactory<S> factory = (LocalFactory<S>) locals.get(screen.getClass());
        if (factory == null) {
            throw new IllegalStateException("No view registered for " + screen.getClass().getName());
        }
        return factory.create(context, screen);
    }

    @SuppressWarnings("unchecked")
    private <S extends FlowStep> FlowStepView forStep(StepContext context, FlowResponse response) {
        S step = (S) response.step();
        Factory<S> factory = (Factory<S>) factories.get(step.getClass());
        if (factory == null) {
            // A step this kiosk can't show yet (a newer server): stop cleanly rather than guess.
            return stopped.apply(context, new DeadEnd(DeadEnd.Kind.UNEXPECTED, null,
                    context.branding().current().helpdesk()));
        }
        return factory.create(context, response, step);
    }
}
