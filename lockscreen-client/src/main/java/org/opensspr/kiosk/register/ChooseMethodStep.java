package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.kiosk.deadend.HelpdeskLine;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.ChoiceList;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod.Registration;

import java.util.List;

/** Which method to add: those the policy offers that aren't registered yet, in the server's order. */
public final class ChooseMethodStep implements FlowStepView {
    private final ChoiceList<Registration> choices = new ChoiceList<>();
    private final List<Registration> addable;
    private final VBox view;

    public ChooseMethodStep(StepContext context, SecurityInfoScreen.ChooseMethod screen) {
        I18n i18n = context.i18n();
        SecurityInfoDto info = screen.info();
        addable = Kinds.addable(info);
        for (Registration kind : addable) {
            choices.add("add-" + kind.name(), i18n.text("secinfo.add." + kind.name()), kind, true);
        }
        boolean registering = screen.mode() == SecurityInfoScreen.Mode.ASKED_AT_SIGN_IN && !info.complete();
        String title = registering ? "secinfo.choose.titleStep" : "secinfo.choose.title";
        Object[] titleArgs = {info.registeredCount() + 1, info.requiredToRegister()};
        if (addable.isEmpty()) {
            view = StepLayout.of(i18n, title, titleArgs, "secinfo.choose.none", new Object[0],
                    HelpdeskLine.of(i18n, context.branding().current().helpdesk()));
        } else {
            view = StepLayout.of(i18n, title, titleArgs, "secinfo.choose.intro", new Object[0], choices);
        }
        view.setId("secinfoChoose");
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
        if (addable.isEmpty()) {
            return new SecurityInfoAction.Finish();
        }
        return choices.selected().<StepOutcome>map(SecurityInfoAction.Add::new)
                .orElseGet(() -> new StepOutcome.Invalid("secinfo.choose.required"));
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
