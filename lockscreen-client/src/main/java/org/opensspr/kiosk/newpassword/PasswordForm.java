package org.opensspr.kiosk.newpassword;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.password.PasswordRequirements;

import java.util.Optional;

/**
 * New password + confirmation with the rules list and strength meter: used by the reset wizard and by
 * the change-password screen. {@link #bind()} when shown, {@link #unbind()} when hidden.
 */
public final class PasswordForm {
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final PasswordRulesModel rules;
    private final VBox view;

    public PasswordForm(I18n i18n, PasswordRequirements requirements, String organizationName) {
        rules = new PasswordRulesModel(requirements, organizationName);
        password.setId("newPassword");
        confirmation.setId("confirmPassword");
        view = new VBox(checklist(i18n, rules),
                StepLayout.field(i18n, "newpassword.password", password),
                new StrengthMeter(i18n, rules.strengthProperty()),
                StepLayout.field(i18n, "newpassword.confirm", confirmation));
        view.getStyleClass().add("password-form");
    }

    private static RuleChecklist checklist(I18n i18n, PasswordRulesModel rules) {
        PasswordRequirements r = rules.requirements();
        RuleChecklist list = new RuleChecklist(i18n);
        list.rule("ruleLength", i18n.text("rules.length", r.minLength(), r.maxLength()), rules.lengthMetProperty());
        list.rule("ruleClasses", i18n.text("rules.classes", r.requiredCharacterClasses(), r.characterClassCount()),
                rules.classesMetProperty());
        list.rule("ruleCharacters", i18n.text("rules.characters", spaced(r.allowedSymbols().strip())),
                rules.charactersMetProperty());
        list.rule("ruleBanned", i18n.text("rules.banned"), rules.notBannedProperty());
        list.note("ruleCurrent", i18n.text("rules.current"));
        list.rule("ruleMatch", i18n.text("rules.match"), rules.matchesProperty());
        return list;
    }

    private static String spaced(String symbols) {
        StringBuilder s = new StringBuilder();
        symbols.codePoints().forEach(cp -> s.append(s.isEmpty() ? "" : " ").appendCodePoint(cp));
        return s.toString();
    }

    public Node view() {
        return view;
    }

    public void bind() {
        rules.passwordProperty().bind(password.textProperty());
        rules.confirmationProperty().bind(confirmation.textProperty());
    }

    public void unbind() {
        rules.passwordProperty().unbind();
        rules.confirmationProperty().unbind();
    }

    public Node initialFocus() {
        return password;
    }

    /** Why the typed password can't be sent yet (a bundle key), or empty when it can. */
    public Optional<String> problem() {
        String typed = password.getText();
        if (typed == null || typed.isEmpty()) {
            return Optional.of("newpassword.required");
        }
        if (!rules.acceptable()) {
            return Optional.of("newpassword.rulesNotMet");
        }
        if (!typed.equals(confirmation.getText())) {
            return Optional.of("newpassword.mismatch");
        }
        return Optional.empty();
    }

    public String password() {
        return password.getText();
    }

    /** Forget what was typed. */
    public void clear() {
        password.clear();
        confirmation.clear();
    }
}
