package org.opensspr.server.signin;

import org.opensspr.password.BannedPasswordScorer;
import org.opensspr.password.PasswordCandidate;
import org.opensspr.password.PasswordChecker;
import org.opensspr.password.PasswordOwner;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.password.PasswordViolation;
import org.opensspr.policy.SsprPolicy;

import java.util.List;
import java.util.function.Predicate;

/**
 * Entra's password rules for cloud users, with the policy's custom banned list and organization
 * name and the user's own names as banned terms — the same checker the console's "try a password" uses.
 */
public final class CloudPasswordRules {
    private List<String> cachedTerms;
    private PasswordChecker cachedChecker;

    public synchronized PasswordChecker checkerFor(SsprPolicy policy) {
        List<String> terms = policy.passwordProtection().customBannedTerms();
        if (!terms.equals(cachedTerms)) {
            cachedChecker = PasswordChecker.forCloudUsers(PasswordRequirements.CLOUD,
                    BannedPasswordScorer.withGlobalList(terms));
            cachedTerms = terms;
        }
        return cachedChecker;
    }

    public List<PasswordViolation> check(SsprPolicy policy, String password, String givenName, String surname,
                                         Predicate<String> matchesCurrent) {
        PasswordOwner owner = new PasswordOwner(givenName, surname, policy.customization().organizationName());
        return checkerFor(policy).check(new PasswordCandidate(password, owner, matchesCurrent));
    }
}
