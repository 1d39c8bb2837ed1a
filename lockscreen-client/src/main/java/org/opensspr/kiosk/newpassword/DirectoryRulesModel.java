package org.opensspr.kiosk.newpassword;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.util.Optional;

/**
 * An on-premises user's new password, checked as they type against the directory's own policy (ADR 25):
 * only length and, with AD's complexity, its three-of-five character categories — the two rules the kiosk
 * can judge exactly as the directory does. History, minimum age and the account-name part of complexity
 * are the directory's to decide; it does, when the password is sent.
 */
final class DirectoryRulesModel {
    private final Optional<DirectoryPasswordPolicy> policy;
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyBooleanWrapper lengthMet = new ReadOnlyBooleanWrapper(this, "lengthMet");
    private final ReadOnlyBooleanWrapper categoriesMet = new ReadOnlyBooleanWrapper(this, "categoriesMet");
    private final ReadOnlyBooleanWrapper matches = new ReadOnlyBooleanWrapper(this, "matches");

    /** @param policy empty when the directory's policy couldn't be read: nothing to tick but the confirmation */
    DirectoryRulesModel(Optional<DirectoryPasswordPolicy> policy) {
        this.policy = policy;
        password.addListener((o, old, now) -> check());
        confirmation.addListener((o, old, now) -> compare());
    }

    private void check() {
        compare();
        String typed = password.get() == null ? "" : password.get();
        lengthMet.set(!typed.isEmpty() && policy.map(p -> p.lengthMet(typed)).orElse(true));
        categoriesMet.set(!typed.isEmpty() && policy.map(p -> p.categoriesMet(typed)).orElse(true));
    }

    private void compare() {
        String typed = password.get() == null ? "" : password.get();
        matches.set(!typed.isEmpty() && typed.equals(confirmation.get()));
    }

    /** Every rule the kiosk can check holds (the directory may still refuse: history, names, …). */
    boolean acceptable() {
        return lengthMet.get() && categoriesMet.get();
    }

    Optional<DirectoryPasswordPolicy> policy() {
        return policy;
    }

    StringProperty passwordProperty() {
        return password;
    }

    StringProperty confirmationProperty() {
        return confirmation;
    }

    ReadOnlyBooleanProperty lengthMetProperty() {
        return lengthMet.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty categoriesMetProperty() {
        return categoriesMet.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }
}
