package org.opensspr.kiosk.newpassword;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;
import org.opensspr.api.DirectoryPolicyDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.password.PasswordRequirements;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * New password + confirmation with the rules list (the cloud's, with a strength meter, or an on-premises
 * directory's): used by the reset wizard and by the change-password screen. {@link #bind()} when shown, {@link #unbind()} when hidden.
 */
public final class PasswordForm {
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final StringProperty typed;
    private final StringProperty typedAgain;
    private final BooleanSupplier acceptable;
    private final VBox view;

    /** The cloud rules, ticked with the server's own checkers, and the strength meter. */
    public PasswordForm(I18n i18n, PasswordRequirements requirements, String organizationName) {
        PasswordRulesModel rules = new PasswordRulesModel(requirements, organizationName);
        typed = rules.passwordProperty();
        typedAgain = rules.confirmationProperty();
        acceptable = rules::acceptable;
        view = new VBox(checklist(i18n, rules),
                StepLayout.field(i18n, "newpassword.password", password),
                new StrengthMeter(i18n, rules.strengthProperty()),
                StepLayout.field(i18n, "newpassword.confirm", confirmation));
        view.getStyleClass().add("password-form");
        password.setId("newPassword");
        confirmation.setId("confirmPassword");
    }

    /**
     * An on-premises user's: the directory's rules (ADR 25), or only that it decides when they couldn't be
     * read. No strength meter: its verdict would be a second opinion the directory doesn't share, and next
     * to the directory's own rules people read it as one more requirement.
     */
    public PasswordForm(I18n i18n, DirectoryPolicyDto directory) {
        DirectoryRulesModel rules = new DirectoryRulesModel(directory.readable()
                ? Optional.ofNullable(directory.policy()) : Optional.empty());
        typed = rules.passwordProperty();
        typedAgain = rules.confirmationProperty();
        acceptable = rules::acceptable;
        view = new VBox(DirectoryChecklist.of(i18n, rules),
                StepLayout.field(i18n, "newpassword.password", password),
                StepLayout.field(i18n, "newpassword.confirm", confirmation));
        view.getStyleClass().addAll("password-form", "directory-rules");
        password.setId("newPassword");
        confirmation.setId("confirmPassword");
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
        typed.bind(password.textProperty());
        typedAgain.bind(confirmation.textProperty());
    }

    public void unbind() {
        typed.unbind();
        typedAgain.unbind();
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
        if (!acceptable.getAsBoolean()) {
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
