package org.opensspr.kiosk.register;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;
import org.opensspr.api.ApiError;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.ChoiceList;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;

import java.util.List;

/**
 * A new mobile or office phone: the number (with + and the country code, or a local one the server reads in
 * the organization's region), an office phone's extension, and for a mobile phone whether to text or call the
 * code. The server decides whether the number is possible (and a mobile one); what it refuses shows at the field.
 */
public final class PhoneNumberStep implements FlowStepView {
    private final SecurityInfoScreen.PhoneNumber screen;
    private final TextField number = new TextField();
    private final TextField extension = new TextField();
    private final Label numberError = errorLabel("phoneNumberError");
    private final Label extensionError = errorLabel("phoneExtensionError");
    private final ChoiceList<PhoneDelivery> delivery = new ChoiceList<>();
    private final ChangeListener<List<ApiError.FieldError>> onServerErrors = (o, old, errors) -> showErrors(errors);
    private final VBox view;

    public PhoneNumberStep(StepContext context, SecurityInfoScreen.PhoneNumber screen) {
        this.screen = screen;
        I18n i18n = context.i18n();
        PhoneEntry typed = screen.typed();
        boolean office = typed.kind() == Registration.OFFICE_PHONE;
        number.setId("phoneNumber");
        number.setText(typed.number());
        number.promptTextProperty().bind(i18n.text("secinfo.phone.prompt"));
        Label hint = new Label();
        hint.setId("phoneHint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.textProperty().bind(i18n.text("secinfo.phone.hint"));
        // A screen reader hears what the server refused of the number, else the hint.
        number.accessibleHelpProperty().bind(Bindings.when(numberError.textProperty().isEmpty())
                .then(hint.textProperty()).otherwise(numberError.textProperty()));
        VBox content = new VBox(StepLayout.field(i18n, "secinfo.phone.number", number), hint, numberError);
        content.getStyleClass().add("phone-fields");
        if (office) {
            extension.setId("phoneExtension");
            extension.setText(typed.extension());
            extension.accessibleHelpProperty().bind(extensionError.textProperty());
            extension.setPrefColumnCount(8);
            extension.setMaxWidth(160);
            // An extension is digits: anything else typed is dropped rather than refused later.
            extension.setTextFormatter(new TextFormatter<String>(change -> {
                change.setText(change.getText().replaceAll("\\D", ""));
                return change;
            }));
            content.getChildren().addAll(StepLayout.field(i18n, "secinfo.phone.extension", extension), extensionError);
        } else {
            delivery.add("delivery-TEXT", i18n.text("secinfo.phone.byText"), PhoneDelivery.TEXT, true);
            delivery.add("delivery-CALL", i18n.text("secinfo.phone.byCall"), PhoneDelivery.CALL, true)
                    .setSelected(typed.delivery() == PhoneDelivery.CALL); // as chosen before Back
            content.getChildren().add(delivery);
        }
        view = StepLayout.of(i18n, "secinfo.phone.title." + typed.kind().name(), new Object[0],
                "secinfo.phone.intro." + typed.kind().name(), new Object[0], content);
        view.setId("secinfoPhoneNumber");
        showErrors(screen.serverErrors().get());
    }

    private static Label errorLabel(String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** The server's words about the number or the extension, under that field (and read with it). */
    private void showErrors(List<ApiError.FieldError> errors) {
        numberError.setText(messageFor(errors, "number"));
        extensionError.setText(messageFor(errors, "extension"));
    }

    private static String messageFor(List<ApiError.FieldError> errors, String field) {
        return errors == null ? "" : errors.stream().filter(e -> field.equals(e.field()))
                .map(e -> e.message() == null ? e.code() : e.message()).findFirst().orElse("");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        screen.serverErrors().addListener(onServerErrors);
    }

    @Override
    public void onHide() {
        screen.serverErrors().removeListener(onServerErrors);
    }

    @Override
    public Node initialFocus() {
        return number;
    }

    @Override
    public String nextKey() {
        return "secinfo.email.send";
    }

    @Override
    public StepOutcome next() {
        String typed = number.getText() == null ? "" : number.getText().strip();
        if (typed.isEmpty()) {
            return new StepOutcome.Invalid("secinfo.phone.required");
        }
        Registration kind = screen.typed().kind();
        PhoneDelivery how = kind == Registration.OFFICE_PHONE ? PhoneDelivery.CALL
                : delivery.selected().orElse(PhoneDelivery.TEXT);
        return new SecurityInfoAction.SendPhoneCode(new PhoneEntry(kind, typed,
                kind == Registration.OFFICE_PHONE ? extension.getText() : "", how));
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
