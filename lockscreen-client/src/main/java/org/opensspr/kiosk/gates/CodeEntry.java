package org.opensspr.kiosk.gates;

import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import org.opensspr.api.ProveRequest;
import org.opensspr.kiosk.wizard.StepOutcome;

/** A verification code field: digits only (spaces typed from a phone's grouping are dropped), at most 8. */
final class CodeEntry {
    private static final int MAX_DIGITS = 8;

    private CodeEntry() {
    }

    static TextField field() {
        TextField field = new TextField();
        field.setId("code");
        field.getStyleClass().add("code-field");
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String digits = change.getText().replaceAll("[^0-9]", "");
            change.setText(digits);
            int length = change.getControlNewText().length();
            return length <= MAX_DIGITS ? change : null;
        }));
        return field;
    }

    /** Next with a code: too short says so; otherwise the code goes to the server, which decides. */
    static StepOutcome prove(TextField field, int minimumDigits) {
        String code = field.getText() == null ? "" : field.getText().strip();
        if (code.isEmpty()) {
            return new StepOutcome.Invalid("gates.code.required");
        }
        if (code.length() < minimumDigits) {
            return new StepOutcome.Invalid("gates.code.tooShort");
        }
        return new StepOutcome.Call((client, ticket) -> client.prove(new ProveRequest(ticket, code, null)));
    }
}
