package org.opensspr.console.registration;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.console.policy.IntegerText;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.List;
import java.util.Map;

/** Registration: require users to register at sign-in, and reconfirm after 0–730 days (0 = never). */
public final class RegistrationPaneModel extends PolicyPaneModel {
    static final String RECONFIRM_FIELD = "registration.reconfirmDays";
    private final BooleanProperty requireAtSignIn = new SimpleBooleanProperty();
    private final StringProperty reconfirmDays = new SimpleStringProperty("");
    private final String notANumber;

    public RegistrationPaneModel(String notANumberReason) {
        this.notANumber = notANumberReason;
        watch(requireAtSignIn, reconfirmDays);
    }

    @Override
    protected void read(SsprPolicy policy) {
        requireAtSignIn.set(policy.registration().requireAtSignIn());
        reconfirmDays.set(Integer.toString(policy.registration().reconfirmDays()));
    }

    @Override
    public Map<String, String> inputProblems() {
        return IntegerText.parse(reconfirmDays.get()).isPresent() ? Map.of() : Map.of(RECONFIRM_FIELD, notANumber);
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        int days = IntegerText.parse(reconfirmDays.get()).orElse(policy.registration().reconfirmDays());
        return policy.withRegistration(new RegistrationPolicy(requireAtSignIn.get(), days));
    }

    @Override
    public String key() {
        return "registration";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("registration.");
    }

    public BooleanProperty requireAtSignInProperty() {
        return requireAtSignIn;
    }

    public StringProperty reconfirmDaysProperty() {
        return reconfirmDays;
    }
}
