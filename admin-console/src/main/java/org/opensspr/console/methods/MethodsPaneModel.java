package org.opensspr.console.methods;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Authentication methods: how many methods to register and to reset, which methods are available, and
 * the security questions (how many, which predefined ones, the organization's own).
 */
public final class MethodsPaneModel extends PolicyPaneModel {
    private final Map<AuthMethod, BooleanProperty> enabled = new EnumMap<>(AuthMethod.class);
    private final ObjectProperty<Integer> requiredToRegister = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> requiredToReset = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> questionsToRegister = new SimpleObjectProperty<>(3);
    private final ObjectProperty<Integer> questionsToReset = new SimpleObjectProperty<>(3);
    private final ObservableList<PredefinedQuestion> predefined = FXCollections.observableArrayList();
    private final ObservableList<CustomQuestion> custom = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty phoneRegion = new javafx.beans.property.SimpleStringProperty("");

    public MethodsPaneModel() {
        for (AuthMethod method : AuthMethod.values()) {
            enabled.put(method, new SimpleBooleanProperty());
            watch(enabled.get(method));
        }
        watch(requiredToRegister, requiredToReset, questionsToRegister, questionsToReset, predefined, custom, phoneRegion);
    }

    @Override
    protected void read(SsprPolicy policy) {
        MethodsPolicy methods = policy.methods();
        enabled.forEach((method, on) -> on.set(methods.isEnabled(method)));
        requiredToRegister.set(methods.requiredToRegister());
        requiredToReset.set(methods.requiredToReset());
        SecurityQuestionsPolicy questions = methods.securityQuestions();
        questionsToRegister.set(questions.toRegister());
        questionsToReset.set(questions.toReset());
        predefined.setAll(questions.predefined());
        custom.setAll(questions.custom());
        phoneRegion.set(methods.phoneRegion());
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        Set<AuthMethod> on = EnumSet.noneOf(AuthMethod.class);
        enabled.forEach((method, value) -> {
            if (value.get()) {
                on.add(method);
            }
        });
        Set<PredefinedQuestion> chosen = predefined.isEmpty() ? Set.of() : EnumSet.copyOf(predefined);
        SecurityQuestionsPolicy questions = new SecurityQuestionsPolicy(questionsToRegister.get(), questionsToReset.get(),
                chosen, List.copyOf(custom));
        return policy.withMethods(new MethodsPolicy(on, requiredToRegister.get(), requiredToReset.get(), questions,
                phoneRegion.get()));
    }

    @Override
    public String key() {
        return "methods";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("methods.");
    }

    /** Adds the organization's own question with a fresh id (registrations refer to questions by id). */
    public void addCustomQuestion(String text) {
        custom.add(new CustomQuestion("custom-" + UUID.randomUUID().toString().substring(0, 8), text.strip()));
    }

    public BooleanProperty enabledProperty(AuthMethod method) {
        return enabled.get(method);
    }

    /** The country a phone number typed without + belongs to ("" for none). */
    public javafx.beans.property.StringProperty phoneRegionProperty() {
        return phoneRegion;
    }

    public ObjectProperty<Integer> requiredToRegisterProperty() {
        return requiredToRegister;
    }

    public ObjectProperty<Integer> requiredToResetProperty() {
        return requiredToReset;
    }

    public ObjectProperty<Integer> questionsToRegisterProperty() {
        return questionsToRegister;
    }

    public ObjectProperty<Integer> questionsToResetProperty() {
        return questionsToReset;
    }

    /** The predefined questions offered, in the order they were checked. */
    public ObservableList<PredefinedQuestion> predefined() {
        return predefined;
    }

    public ObservableList<CustomQuestion> custom() {
        return custom;
    }
}
