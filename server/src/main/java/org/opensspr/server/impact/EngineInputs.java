package org.opensspr.server.impact;

import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupMembership;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.directory.DirectoryRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Everything of an enabled user the preview's engines read (eligibility, registration, and the reasons), and
 * nothing else: two users with equal inputs get the same answers, so the engines run once for all of them (ADR 32).
 * An engine that starts reading another field must find it here, or {@code ScopedImpactAgreementTest} and
 * {@code RegistrationCountsAgreementTest} fail.
 *
 * @param questionIds         the answered questions as column {@code question_ids} stores them; null without a
 *                            security-questions registration
 * @param inCurrentScope      in a group of the policy in force's scope, at any depth
 * @param inProposedScope     in a group of the proposed policy's scope, at any depth
 */
public record EngineInputs(boolean administrator, boolean onPremises, boolean onPremisesProtected,
                           boolean alternateEmail, boolean mobilePhone, boolean officePhone, boolean authenticatorApp,
                           String questionIds, boolean inCurrentScope, boolean inProposedScope) {

    /** A user the engines can't tell from any user with these inputs. */
    public DirectoryUser standIn() {
        List<MethodRegistration> registrations = new ArrayList<>();
        if (authenticatorApp) {
            registrations.add(MethodRegistration.of(AuthMethod.Registration.AUTHENTICATOR_APP, Instant.EPOCH));
        }
        if (questionIds != null) {
            registrations.add(MethodRegistration.securityQuestions(DirectoryRepository.questionIds(questionIds),
                    Instant.EPOCH));
        }
        return new DirectoryUser("stand-in", "stand-in", "", "", "",
                onPremises ? UserSource.ON_PREMISES : UserSource.CLOUD, true, false,
                new ContactInfo("", set(alternateEmail), set(mobilePhone), set(officePhone)), "",
                administrator ? Set.of(Role.REPORTS_READER) : Set.of(), onPremisesProtected, registrations);
    }

    /** Membership as these inputs have it: the engines ask only about the two policies' scopes. */
    public GroupMembership membership(SsprPolicy current, SsprPolicy proposed) {
        List<String> currentGroups = current.scope().groupIds();
        List<String> proposedGroups = proposed.scope().groupIds();
        return (userId, groupIds) -> {
            if (sameGroups(groupIds, currentGroups)) {
                return inCurrentScope;
            }
            if (sameGroups(groupIds, proposedGroups)) {
                return inProposedScope;
            }
            throw new IllegalArgumentException("Membership asked of groups outside the two scopes");
        };
    }

    private static boolean sameGroups(Collection<String> asked, List<String> scope) {
        return asked.size() == scope.size() && asked.containsAll(scope);
    }

    private static String set(boolean present) {
        return present ? "set" : "";
    }
}
