package org.opensspr.kiosk.newpassword;

import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.time.Duration;

/**
 * The directory's rules as a checklist: length and AD's three-of-five categories are ticked as the user
 * types; the account name, history and minimum age are plain lines (the directory decides them); when the
 * policy couldn't be read, only "your organization's directory decides". No banned-password line: no
 * directory makes that claim.
 */
final class DirectoryChecklist {
    private DirectoryChecklist() {
    }

    static RuleChecklist of(I18n i18n, DirectoryRulesModel rules) {
        RuleChecklist list = new RuleChecklist(i18n);
        rules.policy().ifPresentOrElse(policy -> add(list, i18n, policy, rules),
                () -> list.note("ruleDirectoryDecides", i18n.text("rules.directory.unreadable")));
        list.rule("ruleMatch", i18n.text("rules.match"), rules.matchesProperty());
        return list;
    }

    private static void add(RuleChecklist list, I18n i18n, DirectoryPasswordPolicy policy, DirectoryRulesModel rules) {
        if (policy.maxLength() > 0) {
            list.rule("ruleLength", i18n.text("rules.length", Math.max(1, policy.minLength()), policy.maxLength()),
                    rules.lengthMetProperty());
        } else if (policy.minLength() > 1) {
            list.rule("ruleLength", i18n.text("rules.directory.minLength", policy.minLength()),
                    rules.lengthMetProperty());
        }
        if (policy.complexity()) {
            list.rule("ruleComplexity", i18n.text("rules.directory.complexity"), rules.categoriesMetProperty());
            list.note("ruleAccountName", i18n.text("rules.directory.accountName"));
        }
        if (policy.historyLength() > 0) {
            list.note("ruleHistory", i18n.text("rules.directory.history", policy.historyLength()));
        }
        if (policy.minAgeSeconds() > 0) {
            Duration age = Duration.ofSeconds(policy.minAgeSeconds());
            list.note("ruleMinAge", age.toHours() >= 48
                    ? i18n.text("rules.directory.minAgeDays", age.toDays())
                    : i18n.text("rules.directory.minAgeHours", Math.max(1, age.toHours())));
        }
        list.note("ruleDirectoryDecides", i18n.text("rules.directory.decides"));
    }
}
