package org.opensspr.kiosk.newpassword;

import com.nulabinc.zxcvbn.Zxcvbn;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.password.BannedPasswordScorer;
import org.opensspr.password.PasswordCandidate;
import org.opensspr.password.PasswordChecker;
import org.opensspr.password.PasswordOwner;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.password.PasswordViolation;

import java.util.List;

/**
 * The new password and its confirmation, checked as the person types with the same checkers the server
 * runs ({@link PasswordChecker#forCloudUsers}), so a tick here means the same rule there. The kiosk
 * doesn't know the organization's custom banned words or the current password: the server still
 * decides, and says so if it refuses.
 */
public final class PasswordRulesModel {
    /** The global banned list is the expensive part: built once, shared by every flow. */
    private static final class Shared {
        static final BannedPasswordScorer SCORER = BannedPasswordScorer.withGlobalList(List.of());
        static final Zxcvbn STRENGTH = new Zxcvbn();
    }

    private final PasswordRequirements requirements;
    private final PasswordChecker checker;
    private final PasswordOwner owner;
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyBooleanWrapper lengthMet = new ReadOnlyBooleanWrapper(this, "lengthMet");
    private final ReadOnlyBooleanWrapper classesMet = new ReadOnlyBooleanWrapper(this, "classesMet");
    private final ReadOnlyBooleanWrapper charactersMet = new ReadOnlyBooleanWrapper(this, "charactersMet");
    private final ReadOnlyBooleanWrapper notBanned = new ReadOnlyBooleanWrapper(this, "notBanned");
    private final ReadOnlyBooleanWrapper matches = new ReadOnlyBooleanWrapper(this, "matches");
    private final ReadOnlyIntegerWrapper strength = new ReadOnlyIntegerWrapper(this, "strength", -1);

    /** @param organizationName a banned term for everyone in it (may be empty) */
    public PasswordRulesModel(PasswordRequirements requirements, String organizationName) {
        this.requirements = requirements == null ? PasswordRequirements.CLOUD : requirements;
        this.checker = PasswordChecker.forCloudUsers(this.requirements, Shared.SCORER);
        this.owner = new PasswordOwner("", "", organizationName);
        password.addListener((o, old, now) -> check());
        confirmation.addListener((o, old, now) -> compare());
    }

    private void compare() {
        String typed = password.get() == null ? "" : password.get();
        matches.set(!typed.isEmpty() && typed.equals(confirmation.get()));
    }

    private void check() {
        compare();
        String typed = password.get() == null ? "" : password.get();
        if (typed.isEmpty()) {
            lengthMet.set(false);
            classesMet.set(false);
            charactersMet.set(false);
            notBanned.set(false);
            strength.set(-1);
            return;
        }
        List<PasswordViolation> violations = checker.check(new PasswordCandidate(typed, owner, candidate -> false));
        lengthMet.set(violations.stream().noneMatch(v -> v instanceof PasswordViolation.TooShort
                || v instanceof PasswordViolation.TooLong));
        classesMet.set(violations.stream().noneMatch(v -> v instanceof PasswordViolation.TooFewCharacterClasses));
        charactersMet.set(violations.stream().noneMatch(v -> v instanceof PasswordViolation.DisallowedCharacters));
        notBanned.set(violations.stream().noneMatch(v -> v instanceof PasswordViolation.BannedPassword));
        // zxcvbn looks at the first 100 characters only: longer passwords are no weaker for it.
        strength.set(Shared.STRENGTH.measure(typed.length() > 100 ? typed.substring(0, 100) : typed).getScore());
    }

    /** Every rule the kiosk can check holds and the confirmation matches. */
    public boolean acceptable() {
        return lengthMet.get() && classesMet.get() && charactersMet.get() && notBanned.get();
    }

    public PasswordRequirements requirements() {
        return requirements;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyBooleanProperty lengthMetProperty() {
        return lengthMet.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty classesMetProperty() {
        return classesMet.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty charactersMetProperty() {
        return charactersMet.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty notBannedProperty() {
        return notBanned.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** zxcvbn's score 0 (weakest) to 4, or -1 while nothing is typed. */
    public ReadOnlyIntegerProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }
}
