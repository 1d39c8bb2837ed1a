package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.eligibility.IneligibilityReason;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.directory.DirectoryServiceTest.GLOBAL;
import static org.opensspr.server.directory.DirectoryServiceTest.START;

/** docs/design.md §4: contact data an admin pre-fills counts as registered, as the eligibility engine sees it. */
class PrefillEligibilityTest {

    @OnBothDatabases
    void aPrefilledAlternateEmailMakesAUserInANestedScopeGroupEligible(Database db) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        DirectoryService users = new DirectoryService(db, clock, AuditSeals.log(db, clock));
        GroupService groups = new GroupService(db, clock, AuditSeals.log(db, clock));
        String pilot = groups.createGroup("admin@contoso.example", new GroupWriteRequest("SSPR pilot", "")).id();
        String wave2 = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Pilot wave 2", "")).id();
        groups.addGroupMember("admin@contoso.example", pilot, wave2);
        groups.addGroupMember("admin@contoso.example", wave2, pilot);
        String ada = users.createUser(GLOBAL, DirectoryServiceTest.request("ada@contoso.com")).id();
        groups.addUserMember("admin@contoso.example", wave2, ada);
        SsprPolicy policy = SsprPolicy.defaults().withScope(ScopePolicy.selected(List.of(pilot)))
                .withMethods(new MethodsPolicy(Set.of(AuthMethod.EMAIL), 1, 1, SecurityQuestionsPolicy.defaults()));
        EligibilityEngine engine = new EligibilityEngine(new SqlGroupMembership(db.dsl()));

        EligibilityOutcome before = engine.evaluate(policy, users.loadUser(ada));
        users.updateContact(GLOBAL, ada, new ContactUpdateRequest("ada@example.org", "", ""));
        Optional<DirectoryUser> prefilled = users.loadUserByUpn("ADA@contoso.com");
        EligibilityOutcome after = engine.evaluate(policy, prefilled);
        users.updateContact(GLOBAL, ada, new ContactUpdateRequest("", "", ""));
        EligibilityOutcome cleared = engine.evaluate(policy, users.loadUser(ada));

        assertThat(before).isEqualTo(new EligibilityOutcome.NotEligible(
                IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED));
        assertThat(prefilled.orElseThrow().registrations()).containsExactly(new MethodRegistration(
                AuthMethod.Registration.EMAIL, START, RegistrationSource.ADMIN_PREFILL, Set.of()));
        assertThat(after).isInstanceOfSatisfying(EligibilityOutcome.Eligible.class,
                e -> assertThat(e.methods()).containsExactly(AuthMethod.EMAIL));
        assertThat(cleared).isEqualTo(before);
        assertThat(users.loadUser(ada).orElseThrow().registrations()).isEmpty();
    }
}
