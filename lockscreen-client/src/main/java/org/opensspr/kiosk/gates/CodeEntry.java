package org.opensspr.kiosk.gates;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.ProveRequest;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/**
 * A verification code field shaped as the challenge says: it takes no more characters than the code has,
 * and only those the code may hold (so spaces typed from a phone's grouping are dropped), and it is
 * complete at exactly that length. A screen reader hears the length with the field's name. The reset flow's
 * gates and the security-info wizard's code steps share it.
 */
public final class CodeEntry {
    private final CodeFormat format;
    private final TextField field = new TextField();
    private final BooleanBinding complete;
    private final Node view;

    /** @param usual the method's usual format, for a server that doesn't say (one from before codeFormat) */
    public CodeEntry(I18n i18n, ChallengeDto challenge, CodeFormat usual) {
        format = challenge != null && challenge.codeFormat() != null ? challenge.codeFormat() : usual;
        field.setId("code");
        field.getStyleClass().add("code-field");
        field.setPrefColumnCount(format.length());
        field.setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().codePoints().filter(format::allows)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            return change.getControlNewText().length() <= format.length() ? change : null;
        }));
        complete = Bindings.createBooleanBinding(() -> format.accepts(field.getText()), field.textProperty());
        view = StepLayout.field(i18n, "gates.code.label", field);
        field.accessibleHelpProperty().bind(i18n.text("gates.code.help", format.length()));
    }

    /** How many characters the code has (the step's intro says it). */
    public int length() {
        return format.length();
    }

    /** The field with its label. */
    public Node view() {
        return view;
    }

    public TextField field() {
        return field;
    }

    /** Whether the code has all its characters: Next waits for it. */
    public ObservableBooleanValue complete() {
        return complete;
    }

    /** The code as typed, without whitespace. */
    public String code() {
        return CodeFormat.typed(field.getText());
    }

    /** Why the code can't be sent yet (a bundle key), or null when it is complete. */
    public String problem() {
        return complete.get() ? null : field.getLength() == 0 ? "gates.code.required" : "gates.code.tooShort";
    }

    /** Next with a code: one not complete yet says so; a complete one goes to the server, which decides. */
    StepOutcome prove() {
        if (!complete.get()) {
            return new StepOutcome.Invalid(field.getLength() == 0 ? "gates.code.required" : "gates.code.tooShort");
        }
        String code = field.getText();
        return new StepOutcome.Call((client, ticket) -> client.prove(new ProveRequest(ticket, code, null)));
    }
}
