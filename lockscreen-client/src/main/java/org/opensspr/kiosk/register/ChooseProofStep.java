package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.kiosk.deadend.HelpdeskLine;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.ChoiceList;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;

/**
 * Before a change: "First, verify it's you" with one of the registered methods, so that a password alone
 * can't swap the recovery methods (docs/design.md §2).
 */
public final class ChooseProofStep implements FlowStepView {
    private final ChoiceList<SecurityInfoAction.ProveWith> choices = new ChoiceList<>();
    private final VBox view;

    public ChooseProofStep(StepContext context, SecurityInfoScreen.ChooseProof screen) {
        I18n i18n = context.i18n();
        SecurityInfoDto info = screen.info();
        for (RegisteredInfoDto item : info.registered()) {
            String shown = item.display() == null ? "" : item.display();
            choices.add("prove-" + item.kind().name(), i18n.text("secinfo.proveWith." + item.kind().name(), shown),
                    new SecurityInfoAction.ProveWith(item.kind()), true);
            if (item.kind() == Registration.MOBILE_PHONE) { // texted by default, or called
                choices.add("prove-MOBILE_PHONE-CALL", i18n.text("secinfo.proveWith.MOBILE_PHONE.CALL", shown),
                        new SecurityInfoAction.ProveWith(item.kind(), PhoneDelivery.CALL), true);
            }
        }
        if (Kinds.provable(info).isEmpty()) {
            view = StepLayout.of(i18n, "secinfo.proof.title", "secinfo.proof.none", choices,
                    HelpdeskLine.of(i18n, context.branding().current().helpdesk()));
        } else {
            view = StepLayout.of(i18n, "secinfo.proof.title", "secinfo.proof.intro", choices);
        }
        view.setId("secinfoChooseProof");
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
        return choices.selected().<StepOutcome>map(prove -> prove)
                .orElseGet(() -> new StepOutcome.Invalid("gates.choose.none"));
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
