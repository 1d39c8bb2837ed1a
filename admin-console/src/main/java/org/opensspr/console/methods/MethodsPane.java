package org.opensspr.console.methods;

import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.methods.AuthMethod;

/** Authentication methods pane: counts, the methods available, and the security questions. */
public final class MethodsPane extends PolicyPaneView<MethodsPaneModel> {

    public MethodsPane(MethodsPaneModel model, ConsoleContext context) {
        super(model, context, "methods.title", "methods.subtitle");
        ComboBox<Integer> toRegister = count("requiredToRegister", "methods.toRegister", 1, 3);
        toRegister.valueProperty().bindBidirectional(model.requiredToRegisterProperty());
        ComboBox<Integer> toReset = count("requiredToReset", "methods.toReset", 1, 2);
        toReset.valueProperty().bindBidirectional(model.requiredToResetProperty());
        GridPane counts = new GridPane(12, 8);
        counts.addRow(0, labelFor(toRegister), toRegister);
        counts.addRow(1, labelFor(toReset), toReset);
        editableOnly(toRegister, toReset);

        VBox methods = new VBox(6);
        for (AuthMethod method : AuthMethod.values()) {
            CheckBox box = new CheckBox(context.text("method." + method.name()));
            box.setId("method-" + method.name());
            box.selectedProperty().bindBidirectional(model.enabledProperty(method));
            methods.getChildren().add(box);
        }
        editableOnly(methods);

        ComboBox<String> region = phoneRegion(model);
        Label regionLabel = new Label(context.text("methods.phoneRegion"));
        regionLabel.setLabelFor(region);
        VBox phones = new VBox(6, regionLabel, region, problemLabel("methods.phoneRegion", region),
                note(context.text("methods.phoneRegion.help")));
        phones.visibleProperty().bind(model.enabledProperty(AuthMethod.MOBILE_PHONE)
                .or(model.enabledProperty(AuthMethod.OFFICE_PHONE)));
        phones.managedProperty().bind(phones.visibleProperty());
        editableOnly(region);

        SecurityQuestionsEditor questions = new SecurityQuestionsEditor(model, context, this);
        questions.visibleProperty().bind(model.enabledProperty(AuthMethod.SECURITY_QUESTIONS));
        questions.managedProperty().bind(questions.visibleProperty());

        content.getChildren().addAll(counts, problemLabel("methods.requiredToRegister", toRegister),
                problemLabel("methods.requiredToReset", toReset), note(context.text("methods.counts.help")),
                section(context.text("methods.available")), methods, problemLabel("methods.enabled"),
                note(context.text("methods.available.help")), phones, questions);
    }

    /** "None" first, then every country by its name in the console's language, each with its code. */
    private ComboBox<String> phoneRegion(MethodsPaneModel model) {
        java.util.Locale language = context.messages().locale();
        java.util.List<String> countries = new java.util.ArrayList<>(java.util.List.of(java.util.Locale.getISOCountries()));
        countries.sort(java.util.Comparator.comparing(code -> new java.util.Locale("", code).getDisplayCountry(language),
                java.text.Collator.getInstance(language)));
        countries.addFirst("");
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(countries));
        box.setId("phoneRegion");
        box.setAccessibleText(context.text("methods.phoneRegion"));
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || code.isEmpty() ? context.text("methods.phoneRegion.none")
                        : new java.util.Locale("", code).getDisplayCountry(language) + " (" + code + ")";
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(model.phoneRegionProperty());
        return box;
    }

    private ComboBox<Integer> count(String id, String labelKey, int from, int to) {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList());
        for (int i = from; i <= to; i++) {
            box.getItems().add(i);
        }
        box.setId(id);
        box.setAccessibleText(context.text(labelKey));
        box.setUserData(labelKey);
        return box;
    }

    private Label labelFor(ComboBox<Integer> box) {
        Label label = new Label(context.text((String) box.getUserData()));
        label.setLabelFor(box);
        return label;
    }

    /** Lets the questions editor show problems with this pane's rules. */
    Label problems(String field, javafx.scene.control.Control... controls) {
        return problemLabel(field, controls);
    }

    void editable(javafx.scene.Node... nodes) {
        editableOnly(nodes);
    }
}
