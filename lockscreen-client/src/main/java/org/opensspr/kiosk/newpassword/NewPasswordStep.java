package org.opensspr.kiosk.newpassword;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.util.Optional;

/**
 * Choose a new password: every rule shown up front and ticked live (the cloud's with a strength meter, or the
 * on-premises directory's), and a confirmation.
 */
public final class NewPasswordStep implements FlowStepView {
    private final PasswordForm form;
    private final VBox view;

    public NewPasswordStep(StepContext context, FlowResponse response) {
        // an on-premises user's directory decides: its rules, never the cloud's in their place
        form = response.directoryPolicy() != null ? new PasswordForm(context.i18n(), response.directoryPolicy())
                : new PasswordForm(context.i18n(), response.requirements(),
                        context.branding().current().organizationName());
        view = StepLayout.of(context.i18n(), "newpassword.title", "newpassword.intro", form.view());
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        form.bind();
    }

    @Override
    public void onHide() {
        form.unbind();
    }

    @Override
    public Node initialFocus() {
        return form.initialFocus();
    }

    @Override
    public StepOutcome next() {
        Optional<String> problem = form.problem();
        if (problem.isPresent()) {
            return new StepOutcome.Invalid(problem.get());
        }
        String typed = form.password();
        return new StepOutcome.Call((client, ticket) -> client.setNewPassword(new NewPasswordRequest(ticket, typed)));
    }
}
