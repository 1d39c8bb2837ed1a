package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.util.regex.Pattern;

/** A new alternate email: an address outside the organization, which a code is sent to next. */
public final class EmailAddressStep implements FlowStepView {
    /** Only the shape: the code sent to it proves the rest. */
    private static final Pattern LOOKS_LIKE_AN_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final TextField address = new TextField();
    private final VBox view;

    public EmailAddressStep(StepContext context, SecurityInfoScreen.EmailAddress screen) {
        I18n i18n = context.i18n();
        address.setId("emailAddress");
        address.setText(screen.address());
        address.promptTextProperty().bind(i18n.text("secinfo.email.prompt"));
        view = StepLayout.of(i18n, "secinfo.email.title", "secinfo.email.intro",
                StepLayout.field(i18n, "secinfo.email.address", address));
        view.setId("secinfoEmailAddress");
    }

    static boolean looksLikeAnAddress(String typed) {
        return typed != null && LOOKS_LIKE_AN_ADDRESS.matcher(typed.strip()).matches();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return address;
    }

    @Override
    public String nextKey() {
        return "secinfo.email.send";
    }

    @Override
    public StepOutcome next() {
        String typed = address.getText() == null ? "" : address.getText().strip();
        if (typed.isEmpty()) {
            return new StepOutcome.Invalid("secinfo.email.required");
        }
        return looksLikeAnAddress(typed) ? new SecurityInfoAction.SendEmailCode(typed)
                : new StepOutcome.Invalid("secinfo.email.invalid");
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
