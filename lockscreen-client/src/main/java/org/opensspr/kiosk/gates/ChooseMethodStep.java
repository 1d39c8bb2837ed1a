package org.opensspr.kiosk.gates;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.ChoiceList;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Choose how to prove who you are, from the methods the server offers for this gate (a mobile phone twice:
 * text or call). A method the kiosk has no gate view for is listed but can't be chosen.
 */
public final class ChooseMethodStep implements FlowStepView {
    private final ChoiceList<MethodOption> choices = new ChoiceList<>();
    private final VBox view;

    public ChooseMethodStep(StepContext context, FlowStep.ChooseMethod step, GateViews gates) {
        I18n i18n = context.i18n();
        // The methods this kiosk can use first, in the server's order; the others after, greyed out.
        List<MethodOption> ordered = new ArrayList<>(MethodOption.of(step.options()));
        ordered.sort(Comparator.comparing(option -> !gates.supports(option.method())));
        for (MethodOption option : ordered) {
            boolean available = gates.supports(option.method());
            choices.add(option.id(), available ? i18n.text(option.textKey())
                    : i18n.text("method.notYetAvailable", i18n.text(option.textKey())), option, available);
        }
        view = StepLayout.of(i18n, GateTitle.key(step.gatesRequired()), GateTitle.args(step.gate(), step.gatesRequired()),
                "gates.choose.intro", new Object[0], choices);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return choices.selectedOption().orElse(null);
    }

    @Override
    public StepOutcome next() {
        Optional<MethodOption> option = choices.selected();
        if (option.isEmpty()) {
            return new StepOutcome.Invalid("gates.choose.none");
        }
        MethodOption chosen = option.get();
        return new StepOutcome.Call((client, ticket) ->
                client.chooseMethod(new ChooseMethodRequest(ticket, chosen.method(), chosen.delivery())));
    }
}
