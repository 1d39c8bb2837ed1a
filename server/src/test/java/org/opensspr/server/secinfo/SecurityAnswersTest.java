package org.opensspr.server.secinfo;

import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.SECURITY_ANSWER;

/** Security questions on H2 and PostgreSQL: registration, hashes only, random draws, all-or-nothing checks. */
class SecurityAnswersTest {
    private static final SecurityQuestionsPolicy DEFAULTS = SecurityQuestionsPolicy.defaults();
    private static final List<QuestionAnswer> FIVE = SecurityAnswerRulesTest.parse(
            "FIRST_PET=  Fluffy  THE cat ;HOSPITAL_BORN=St Mary's;FIRST_JOB=Paper round;"
                    + "CHILDHOOD_HERO=Zorro;FIRST_CAR_MAKE_MODEL=Fiat Panda");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(SecInfoFixtures.T0, ZoneOffset.UTC));
    private final SecurityAnswers answers = new SecurityAnswers(clock, SecInfoFixtures.CHEAP_HASHER);
    private final DirectoryRepository directory = new DirectoryRepository();

    private MethodRegistration register(Database db, String userId, List<QuestionAnswer> given,
                                        SecurityQuestionsPolicy policy) {
        return db.inTransaction(tx -> answers.register(tx, userId, given, policy));
    }

    private boolean verify(Database db, String userId, Map<String, String> given) {
        SecurityAnswers.Expected expected = db.inTransaction(tx ->
                answers.expected(tx, userId, List.copyOf(given.keySet())));
        return answers.matches(expected, given);
    }

    private List<String> draw(Database db, String userId, int count, SecurityQuestionsPolicy policy,
                              SecureRandom random) {
        return db.inTransaction(tx -> answers.draw(tx, userId, count, policy, random));
    }

    private List<String> registeredIds(Database db, String userId) {
        return db.inTransaction(tx -> answers.registeredQuestionIds(tx, userId));
    }

    @OnBothDatabases
    void registersArgon2idHashesOfNormalizedAnswersAndTheRegistration(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");

        MethodRegistration registration = register(db, "ada", FIVE, DEFAULTS);

        Set<String> ids = Set.of("FIRST_PET", "HOSPITAL_BORN", "FIRST_JOB", "CHILDHOOD_HERO", "FIRST_CAR_MAKE_MODEL");
        assertThat(registration).isEqualTo(MethodRegistration.securityQuestions(ids, SecInfoFixtures.T0));
        assertThat(directory.loadUser(db.dsl(), "ada").orElseThrow().registrations()).containsExactly(registration);
        List<String> hashes = db.dsl().select(SECURITY_ANSWER.ANSWER_HASH).from(SECURITY_ANSWER)
                .fetch(SECURITY_ANSWER.ANSWER_HASH);
        assertThat(hashes).hasSize(5).allSatisfy(hash -> assertThat(hash).startsWith("$argon2id$")
                .doesNotContainIgnoringCase("fluffy").doesNotContainIgnoringCase("zorro"));
        String fluffyHash = db.dsl().select(SECURITY_ANSWER.ANSWER_HASH).from(SECURITY_ANSWER)
                .where(SECURITY_ANSWER.QUESTION_ID.eq("FIRST_PET")).fetchOne(SECURITY_ANSWER.ANSWER_HASH);
        assertThat(SecInfoFixtures.CHEAP_HASHER.verify("fluffy the cat", fluffyHash)).isTrue();
        assertThat(registeredIds(db, "ada"))
                .containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @OnBothDatabases
    void verifiesAllOrNothingAfterNormalizing(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        SecInfoFixtures.addUser(db.dsl(), "bob");
        register(db, "ada", FIVE, DEFAULTS);

        Map<String, String> right = new LinkedHashMap<>();
        right.put("FIRST_PET", "fluffy the cat");
        right.put("HOSPITAL_BORN", "ST MARY'S");
        right.put("CHILDHOOD_HERO", " zorro ");
        assertThat(verify(db, "ada", right)).isTrue();

        for (String question : right.keySet()) {
            Map<String, String> oneWrong = new LinkedHashMap<>(right);
            oneWrong.put(question, "wrong answer");
            assertThat(verify(db, "ada", oneWrong)).as("wrong %s", question).isFalse();
        }
        Map<String, String> unregistered = new LinkedHashMap<>(right);
        unregistered.put("FAVORITE_FOOD", "pizza");
        assertThat(verify(db, "ada", unregistered)).as("a question not registered").isFalse();
        Map<String, String> missingAnswer = new LinkedHashMap<>(right);
        missingAnswer.put("FIRST_JOB", null);
        assertThat(verify(db, "ada", missingAnswer)).isFalse();
        assertThat(verify(db, "ada", Map.of())).as("nothing answered").isFalse();
        assertThat(verify(db, "bob", right)).as("someone else's answers").isFalse();
    }

    @OnBothDatabases
    void reRegisteringReplacesTheAnswers(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        register(db, "ada", FIVE, DEFAULTS);

        register(db, "ada", SecurityAnswerRulesTest.parse("FIRST_PET=Rex;FIRST_JOB=Milkman;HOSPITAL_BORN=Guy's"),
                DEFAULTS);

        assertThat(db.dsl().fetchCount(SECURITY_ANSWER)).isEqualTo(3);
        assertThat(verify(db, "ada", Map.of("FIRST_PET", "rex", "FIRST_JOB", "milkman"))).isTrue();
        assertThat(verify(db, "ada", Map.of("CHILDHOOD_HERO", "Zorro"))).isFalse();
        assertThat(directory.loadUser(db.dsl(), "ada").orElseThrow().registrations().getFirst().questionIds())
                .containsExactlyInAnyOrder("FIRST_PET", "FIRST_JOB", "HOSPITAL_BORN");
        boolean removed = db.inTransaction(tx -> answers.remove(tx, "ada"));
        assertThat(removed).isTrue();
        assertThat(db.dsl().fetchCount(SECURITY_ANSWER)).isZero();
        assertThat(directory.loadUser(db.dsl(), "ada").orElseThrow().registrations()).isEmpty();
    }

    @OnBothDatabases
    void brokenRulesStoreNothing(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");

        SecurityAnswersRejectedException rejected = catchThrowableOfType(SecurityAnswersRejectedException.class,
                () -> register(db, "ada", SecurityAnswerRulesTest.parse("FIRST_PET=Fluffy;FIRST_JOB=fluffy"),
                        DEFAULTS));

        assertThat(rejected.problems()).extracting(AnswerProblem::code)
                .containsExactlyInAnyOrder("TOO_FEW_ANSWERS", "ANSWER_REPEATED");
        assertThat(db.dsl().fetchCount(SECURITY_ANSWER)).isZero();
        assertThat(directory.loadUser(db.dsl(), "ada").orElseThrow().registrations()).isEmpty();
        assertThatThrownBy(() -> register(db, "nobody", FIVE, DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @OnBothDatabases
    void neverForAdministrators(Database db) {
        SecInfoFixtures.addAdmin(db.dsl(), "helpdesk", Role.HELPDESK_ADMINISTRATOR);
        SecInfoFixtures.addUser(db.dsl(), "promoted");
        register(db, "promoted", FIVE, DEFAULTS);

        SecurityAnswersRejectedException rejected = catchThrowableOfType(SecurityAnswersRejectedException.class,
                () -> register(db, "helpdesk", FIVE, DEFAULTS));
        SecInfoFixtures.makeAdmin(db.dsl(), "promoted", Role.REPORTS_READER);

        assertThat(rejected.problems()).containsExactly(new AnswerProblem.NotForAdministrators());
        assertThat(db.dsl().fetchCount(SECURITY_ANSWER, SECURITY_ANSWER.USER_ID.eq("helpdesk"))).isZero();
        assertThat(verify(db, "promoted", Map.of("CHILDHOOD_HERO", "Zorro"))).as("answers from before the role")
                .isFalse();
        assertThat(draw(db, "promoted", 3, DEFAULTS, new SecureRandom())).isEmpty();
    }

    @OnBothDatabases
    void drawsOnlyQuestionsThePolicyStillOffers(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        register(db, "ada", FIVE, DEFAULTS);
        EnumSet<PredefinedQuestion> fewer = EnumSet.allOf(PredefinedQuestion.class);
        fewer.removeAll(List.of(PredefinedQuestion.FIRST_PET, PredefinedQuestion.FIRST_JOB));
        SecurityQuestionsPolicy narrowed = new SecurityQuestionsPolicy(3, 3, fewer, List.of());

        for (int i = 0; i < 20; i++) {
            List<String> drawn = draw(db, "ada", 3, narrowed, new SecureRandom());
            assertThat(drawn).containsExactlyInAnyOrder("HOSPITAL_BORN", "CHILDHOOD_HERO", "FIRST_CAR_MAKE_MODEL");
        }
        assertThat(draw(db, "ada", 4, narrowed, new SecureRandom()))
                .as("not enough left").isEmpty();
        assertThatThrownBy(() -> draw(db, "ada", 0, narrowed, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @OnBothDatabases
    void drawsDifferAcrossAttempts(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        register(db, "ada", FIVE, DEFAULTS);
        SecureRandom random = new SecureRandom();
        Set<String> registered = Set.copyOf(registeredIds(db, "ada"));

        Set<Set<String>> distinct = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            List<String> drawn = draw(db, "ada", 3, DEFAULTS, random);
            assertThat(drawn).hasSize(3).doesNotHaveDuplicates();
            assertThat(registered).containsAll(drawn);
            distinct.add(Set.copyOf(drawn));
        }
        // 10 possible sets: all 50 draws alike by chance has probability 10^-49.
        assertThat(distinct).hasSizeGreaterThan(1);
    }
}
