package org.opensspr.server.demo;

import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.GroupRepository;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.opensspr.methods.AuthMethod.Registration.AUTHENTICATOR_APP;
import static org.opensspr.methods.AuthMethod.Registration.EMAIL;
import static org.opensspr.methods.AuthMethod.Registration.MOBILE_PHONE;
import static org.opensspr.methods.AuthMethod.Registration.OFFICE_PHONE;
import static org.opensspr.methods.AuthMethod.Registration.SECURITY_QUESTIONS;

/**
 * Contoso, the demo organization: a pilot group with a nested wave, twenty people whose states cover
 * seed 000's test table and the cases of docs/design.md §3–§8, and a pilot policy. Pure data plus the
 * rows it becomes.
 */
public final class DemoOrganization {
    public static final String DOMAIN = "contoso.example";
    public static final String PILOT = "SSPR pilot";
    public static final String PILOT_WAVE_2 = "SSPR pilot wave 2";
    public static final String ALL_STAFF = "All staff";
    public static final String HELPDESK = "Helpdesk";
    private static final Set<String> SAMPLE_QUESTIONS = Set.of("FIRST_PET", "FAVORITE_FOOD", "CHILDHOOD_HERO");

    private DemoOrganization() {
    }

    static List<DemoPerson> people() {
        return List.of(
                person("adele.vance", "Adele", "Vance", List.of(PILOT), Set.of(EMAIL, AUTHENTICATOR_APP), "in the pilot, two methods: can reset"),
                person("alex.wilber", "Alex", "Wilber", List.of(PILOT_WAVE_2), Set.of(EMAIL), "in the nested pilot wave, one method: can reset"),
                person("allan.deyoung", "Allan", "Deyoung", List.of(ALL_STAFF), Set.of(EMAIL), "not in the pilot: can't reset"),
                disabled(person("christie.cline", "Christie", "Cline", List.of(PILOT), Set.of(EMAIL), "disabled account: can't reset")),
                person("debra.berger", "Debra", "Berger", List.of(PILOT), Set.of(), "in the pilot, nothing registered: can't reset"),
                person("diego.siciliani", "Diego", "Siciliani", List.of(PILOT), Set.of(SECURITY_QUESTIONS, EMAIL), "security questions and email"),
                locked(person("grady.archie", "Grady", "Archie", List.of(PILOT), Set.of(EMAIL, MOBILE_PHONE), "locked out: can unlock or reset")),
                onPremises(person("henrietta.mueller", "Henrietta", "Mueller", List.of(PILOT), Set.of(EMAIL), "password in on-premises AD: reset through writeback"), false),
                onPremises(person("isaiah.langer", "Isaiah", "Langer", List.of(PILOT), Set.of(EMAIL, MOBILE_PHONE), "protected on-premises account (adminCount=1): never reset here"), true),
                person("johanna.lorenz", "Johanna", "Lorenz", List.of(PILOT), Set.of(MOBILE_PHONE, OFFICE_PHONE), "mobile and office phone"),
                person("joni.sherman", "Joni", "Sherman", List.of(PILOT_WAVE_2), Set.of(AUTHENTICATOR_APP), "Authenticator app only: code"),
                person("lee.gu", "Lee", "Gu", List.of(ALL_STAFF), Set.of(), "not in the pilot, nothing registered"),
                person("lidia.holloway", "Lidia", "Holloway", List.of(PILOT), Set.of(EMAIL, MOBILE_PHONE), "email and mobile phone"),
                person("lynne.robbins", "Lynne", "Robbins", List.of(PILOT), Set.of(OFFICE_PHONE), "office phone only"),
                admin(person("megan.bowen", "Megan", "Bowen", List.of(HELPDESK), Set.of(EMAIL, MOBILE_PHONE), "Helpdesk administrator with two methods: two gates"), Role.HELPDESK_ADMINISTRATOR),
                admin(person("miriam.graham", "Miriam", "Graham", List.of(HELPDESK), Set.of(EMAIL, SECURITY_QUESTIONS), "User administrator with one usable method: needs two"), Role.USER_ADMINISTRATOR),
                admin(person("nestor.wilke", "Nestor", "Wilke", List.of(PILOT), Set.of(EMAIL, AUTHENTICATOR_APP), "Password administrator: two gates"), Role.PASSWORD_ADMINISTRATOR),
                admin(person("pradeep.gupta", "Pradeep", "Gupta", List.of(ALL_STAFF), Set.of(), "Reports reader, nothing registered"), Role.REPORTS_READER),
                spanish(person("irvin.sayers", "Irvin", "Sayers", List.of(PILOT_WAVE_2), Set.of(EMAIL, MOBILE_PHONE), "prefers Spanish")),
                person("patti.fernandez", "Patti", "Fernandez", List.of(PILOT, ALL_STAFF), Set.of(EMAIL, MOBILE_PHONE, SECURITY_QUESTIONS), "three methods registered"));
    }

    /** The pilot policy: Selected (the pilot group), seed 000's methods, one to reset and one more to register. */
    static SsprPolicy policy(String pilotGroupId) {
        return SsprPolicy.defaults()
                .withScope(ScopePolicy.selected(List.of(pilotGroupId)))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.MOBILE_APP_CODE, AuthMethod.MOBILE_APP_NOTIFICATION,
                        AuthMethod.EMAIL, AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE, AuthMethod.SECURITY_QUESTIONS),
                        2, 1, SecurityQuestionsPolicy.defaults(), "US"))
                .withCustomization(new CustomizationPolicy(true, "https://helpdesk." + DOMAIN + "/password",
                        "Contoso", "", ""))
                .withPasswordProtection(new PasswordProtectionPolicy(List.of("contoso", "fabrikam"), 10, 60));
    }

    /** What was written: group ids by name and user ids by alias. */
    record Seeded(Map<String, String> groupIds, Map<String, String> userIds) {
    }

    /** Writes the groups, people, memberships, roles and registrations. */
    static Seeded insert(org.jooq.DSLContext tx, Instant now) {
        DirectoryRepository users = new DirectoryRepository();
        GroupRepository groups = new GroupRepository();
        Map<String, String> groupIds = new LinkedHashMap<>();
        for (String name : List.of(PILOT, PILOT_WAVE_2, ALL_STAFF, HELPDESK)) {
            String id = UUID.randomUUID().toString();
            groups.insertGroup(tx, new GroupRow(id, name, description(name), now));
            groupIds.put(name, id);
        }
        groups.addGroupMember(tx, groupIds.get(PILOT), groupIds.get(PILOT_WAVE_2));
        groups.addGroupMember(tx, groupIds.get(ALL_STAFF), groupIds.get(PILOT));
        List<DemoPerson> people = people();
        Map<String, String> userIds = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            DemoPerson person = people.get(i);
            String id = UUID.randomUUID().toString();
            userIds.put(person.alias(), id);
            Instant registeredAt = now.minus(Duration.ofDays(10L + 9L * i));
            users.insertUser(tx, new UserRow(id, person.userPrincipalName(), person.givenName(), person.surname(),
                    person.givenName() + " " + person.surname(), person.onPremises() ? UserSource.ON_PREMISES : UserSource.CLOUD,
                    person.enabled(), person.locked(), contact(person), person.language(), person.protectedOnPremises(),
                    now, now));
            if (!person.roles().isEmpty()) {
                users.replaceRoles(tx, id, person.roles());
            }
            for (Registration kind : person.registered()) {
                users.putRegistration(tx, id, new MethodRegistration(kind, registeredAt, RegistrationSource.USER,
                        kind == SECURITY_QUESTIONS ? SAMPLE_QUESTIONS : Set.of()));
            }
            for (String group : person.groups()) {
                groups.addUserMember(tx, groupIds.get(group), id);
            }
        }
        return new Seeded(groupIds, userIds);
    }

    private static ContactInfo contact(DemoPerson person) {
        String n = String.format("%04d", Math.abs(person.alias().hashCode()) % 10000);
        return new ContactInfo(person.userPrincipalName(),
                person.registered().contains(EMAIL) ? person.alias() + "@fabrikam-mail.example" : "",
                person.registered().contains(MOBILE_PHONE) ? "+1 425 555 " + n : "",
                person.registered().contains(OFFICE_PHONE) ? "+1 206 555 " + n + " ext. " + (100 + Integer.parseInt(n) % 900) : "");
    }

    private static String description(String group) {
        return switch (group) {
            case PILOT -> "Users who may reset their own password during the pilot";
            case PILOT_WAVE_2 -> "Second pilot wave, nested in the pilot group";
            case ALL_STAFF -> "Everyone at Contoso";
            default -> "IT support";
        };
    }

    private static DemoPerson person(String alias, String given, String surname, List<String> groups,
                                     Set<Registration> registered, String shows) {
        return new DemoPerson(alias, given, surname, false, false, true, false, "en-US", Set.of(), groups,
                registered.isEmpty() ? Set.of() : EnumSet.copyOf(registered), shows);
    }

    private static DemoPerson disabled(DemoPerson p) {
        return new DemoPerson(p.alias(), p.givenName(), p.surname(), p.onPremises(), p.protectedOnPremises(), false,
                p.locked(), p.language(), p.roles(), p.groups(), p.registered(), p.shows());
    }

    private static DemoPerson locked(DemoPerson p) {
        return new DemoPerson(p.alias(), p.givenName(), p.surname(), p.onPremises(), p.protectedOnPremises(), p.enabled(),
                true, p.language(), p.roles(), p.groups(), p.registered(), p.shows());
    }

    private static DemoPerson onPremises(DemoPerson p, boolean protectedAccount) {
        return new DemoPerson(p.alias(), p.givenName(), p.surname(), true, protectedAccount, p.enabled(), p.locked(),
                p.language(), p.roles(), p.groups(), p.registered(), p.shows());
    }

    private static DemoPerson admin(DemoPerson p, Role role) {
        return new DemoPerson(p.alias(), p.givenName(), p.surname(), p.onPremises(), p.protectedOnPremises(), p.enabled(),
                p.locked(), p.language(), Set.of(role), p.groups(), p.registered(), p.shows());
    }

    private static DemoPerson spanish(DemoPerson p) {
        return new DemoPerson(p.alias(), p.givenName(), p.surname(), p.onPremises(), p.protectedOnPremises(), p.enabled(),
                p.locked(), "es-ES", p.roles(), p.groups(), p.registered(), p.shows());
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (DemoPerson person : people()) {
            lines.add(String.format("  %-34s %s", person.userPrincipalName(), person.shows()));
        }
        return lines;
    }
}
