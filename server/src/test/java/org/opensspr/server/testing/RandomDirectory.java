package org.opensspr.server.testing;

import org.jooq.DSLContext;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.AdministratorPolicy;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.GroupRepository;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserRow;
import org.opensspr.server.reset.EffectivePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * A seeded random directory, servers and policies for the tests that check a read of the engines' inputs against
 * the whole directory compared user by user. Every field the engines read varies (enabled, roles known and unknown,
 * source, protection, each contact value: set, empty, or only white space of each kind Java strips, beside
 * look-alikes it keeps; the authenticator app, the answered questions, stored odd ways too; contact registrations;
 * membership through nesting and cycles), and so do fields they don't read.
 */
public final class RandomDirectory {
    private static final Instant AT = Instant.parse("2026-11-01T09:00:00Z");
    private static final int PEOPLE = 300;
    private static final int GROUPS = 24;
    private static final String CUSTOM = "custom-1";
    /** White space Java strips ({@link Character#isWhitespace}). */
    private static final List<String> STRIPPED = List.of(" ", "\t", "\n", "\u000B", "\f", "\r", "\u001C", "\u001F",
            "\u1680", "\u2000", "\u2003", "\u200A", "\u2028", "\u2029", "\u205F", "\u3000");
    /** Characters that look blank but Java keeps. */
    private static final List<String> KEPT = List.of("\u00A0", "\u2007", "\u202F", "\u200B", "\u0085", "\uFEFF");

    private RandomDirectory() {
    }

    /** The directory; the groups' ids. */
    public static List<String> seed(DSLContext tx, Random random) {
        List<UserRow> users = new ArrayList<>();
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        Map<String, Set<Role>> roles = new HashMap<>();
        Map<String, String[]> rawContacts = new HashMap<>();
        Map<String, String> rawQuestionIds = new HashMap<>();
        List<String> unknownRoles = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String id = "user-%03d".formatted(i);
            // Mixed case, so the lists' order by UPN (case-insensitive, then exact) is exercised.
            String upn = (random.nextBoolean() ? "Person" : "person") + ".%03d@contoso.example".formatted(
                    random.nextInt(1000) * 1000 + i);
            boolean onPremises = random.nextInt(4) == 0;
            users.add(new UserRow(id, upn, "Given", "Surname", "Person " + i,
                    onPremises ? UserSource.ON_PREMISES : UserSource.CLOUD, random.nextInt(10) > 0,
                    random.nextInt(8) == 0, new ContactInfo(random.nextBoolean() ? upn : "", "", "", ""),
                    random.nextBoolean() ? "en-US" : "es", random.nextInt(onPremises ? 3 : 8) == 0, AT, AT));
            // Written as they are, past ContactInfo's strip: a synced or older row may hold them.
            rawContacts.put(id, new String[] {contact(random, "private@private.example"),
                    contact(random, "+1 425 555 0100"), contact(random, "+1 425 555 0199")});
            List<MethodRegistration> own = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                own.add(new MethodRegistration(AuthMethod.Registration.AUTHENTICATOR_APP, AT,
                        RegistrationSource.USER, Set.of()));
            }
            if (random.nextInt(2) == 0) {
                Set<String> answered = new HashSet<>();
                int count = random.nextInt(6);
                while (answered.size() < count) {
                    answered.add(random.nextInt(8) == 0 ? (random.nextBoolean() ? CUSTOM : "RETIRED_QUESTION")
                            : PredefinedQuestion.values()[random.nextInt(6)].name());
                }
                own.add(MethodRegistration.securityQuestions(answered, AT));
                if (random.nextInt(8) == 0) {
                    rawQuestionIds.put(id, List.of(" ", ",", "CITY_MET_FIRST_SPOUSE,,CITY_PARENTS_MET",
                            " CITY_PARENTS_MET", CUSTOM + ",").get(random.nextInt(5)));
                }
            }
            for (AuthMethod.Registration contactKind : List.of(AuthMethod.Registration.EMAIL,
                    AuthMethod.Registration.MOBILE_PHONE, AuthMethod.Registration.OFFICE_PHONE)) {
                if (random.nextInt(4) == 0) {
                    // Contact registrations: the engines read the contact values, not these.
                    own.add(new MethodRegistration(contactKind, AT, RegistrationSource.ADMIN_PREFILL, Set.of()));
                }
            }
            registrations.put(id, own);
            if (random.nextInt(12) == 0) {
                roles.put(id, EnumSet.of(Role.values()[random.nextInt(Role.values().length)]));
            }
            if (random.nextInt(15) == 0) {
                unknownRoles.add(id);
            }
        }
        List<GroupRow> groupRows = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add("group-%02d".formatted(g));
            groupRows.add(new GroupRow(groups.getLast(), "Group " + g, "", AT));
        }
        List<Map.Entry<String, String>> members = new ArrayList<>();
        for (UserRow user : users) {
            int memberships = random.nextInt(3);
            for (int m = 0; m < memberships; m++) {
                Map.Entry<String, String> member = Map.entry(groups.get(random.nextInt(GROUPS)), user.id());
                if (!members.contains(member)) {
                    members.add(member);
                }
            }
        }
        DirectoryRepository directory = new DirectoryRepository();
        GroupRepository groupRepository = new GroupRepository();
        directory.insertUsers(tx, users);
        directory.insertRegistrations(tx, registrations);
        directory.insertRoles(tx, roles);
        rawContacts.forEach((id, contact) -> tx.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.ALTERNATE_EMAIL, contact[0]).set(DIRECTORY_USER.MOBILE_PHONE, contact[1])
                .set(DIRECTORY_USER.OFFICE_PHONE, contact[2]).where(DIRECTORY_USER.ID.eq(id)).execute());
        rawQuestionIds.forEach((id, questionIds) -> tx.update(METHOD_REGISTRATION)
                .set(METHOD_REGISTRATION.QUESTION_IDS, questionIds).where(METHOD_REGISTRATION.USER_ID.eq(id)
                        .and(METHOD_REGISTRATION.KIND.eq(AuthMethod.Registration.SECURITY_QUESTIONS.name())))
                .execute());
        // A role this server doesn't know makes no administrator.
        unknownRoles.forEach(id -> tx.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id)
                .set(USER_ROLE.ROLE, "RETIRED_ROLE").execute());
        groupRepository.insertGroups(tx, groupRows);
        groupRepository.insertUserMembers(tx, members);
        for (int edge = 0; edge < GROUPS * 3 / 2; edge++) {
            // Random edges nest some groups several levels deep, and close a few cycles.
            String parent = groups.get(random.nextInt(GROUPS));
            String child = groups.get(random.nextInt(GROUPS));
            if (!parent.equals(child)) {
                groupRepository.addGroupMember(tx, parent, child);
            }
        }
        return groups;
    }

    /**
     * Present, empty, or only white space: each kind {@link String#strip} removes (counts as absent), or a look-alike
     * it keeps (no-break spaces, zero width space, next line: counts as present).
     */
    private static String contact(Random random, String value) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> value;
            case 2 -> STRIPPED.get(random.nextInt(STRIPPED.size())) + STRIPPED.get(random.nextInt(STRIPPED.size()));
            case 3 -> KEPT.get(random.nextInt(KEPT.size())) + (random.nextBoolean() ? " " : "");
            default -> "";
        };
    }

    /** A server with a random set of channels it can deliver, on-premises writeback on or off. */
    public static EffectivePolicy randomServer(Random random) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (random.nextInt(4) > 0) {
                channels.add(channel);
            }
        }
        return new EffectivePolicy(random.nextBoolean(), EffectivePolicy.over(channels));
    }

    /** A policy scoped to nobody, everyone, or one to four of {@code groups}; every other part random too. */
    public static SsprPolicy randomPolicy(Random random, List<String> groups) {
        ScopePolicy scope = switch (random.nextInt(8)) {
            case 0 -> ScopePolicy.none();
            case 1 -> ScopePolicy.all();
            default -> {
                Set<String> chosen = new HashSet<>();
                int count = 1 + random.nextInt(4);
                while (chosen.size() < count) {
                    chosen.add(groups.get(random.nextInt(groups.size())));
                }
                yield ScopePolicy.selected(List.copyOf(chosen));
            }
        };
        Set<AuthMethod> enabled = EnumSet.noneOf(AuthMethod.class);
        for (AuthMethod method : AuthMethod.values()) {
            if (random.nextBoolean()) {
                enabled.add(method);
            }
        }
        int toReset = 1 + random.nextInt(2);
        int toRegister = toReset + random.nextInt(4 - toReset);
        Set<PredefinedQuestion> offered = EnumSet.noneOf(PredefinedQuestion.class);
        for (int q = 0; q < 6; q++) {
            if (random.nextInt(4) > 0) {
                offered.add(PredefinedQuestion.values()[q]);
            }
        }
        int questionsToRegister = 3 + random.nextInt(3);
        SecurityQuestionsPolicy questions = new SecurityQuestionsPolicy(questionsToRegister,
                1 + random.nextInt(questionsToRegister), offered,
                random.nextBoolean() ? List.of(new CustomQuestion(CUSTOM, "Your first car?")) : List.of());
        return SsprPolicy.defaults().withScope(scope)
                .withMethods(new MethodsPolicy(enabled, toRegister, toReset, questions))
                .withRegistration(new RegistrationPolicy(random.nextBoolean(), 180))
                .withOnPremises(new OnPremisesPolicy(random.nextBoolean(), false))
                .withAdministrators(new AdministratorPolicy(random.nextBoolean()));
    }
}
