package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.directory.DirectoryRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.opensspr.server.db.Tables.SECURITY_ANSWER;

/**
 * Users' security questions (docs/design.md §6): registration under {@link SecurityAnswerRules}, answers kept
 * only as Argon2id hashes of the {@link AnswerNormalizer normalized} answer, questions drawn at random
 * for each attempt, and all-or-nothing checks. Never for administrators: registration refuses anyone
 * holding a role, and drawing or checking for one finds nothing. Every method takes the caller's
 * transaction. Thread-safe.
 */
public final class SecurityAnswers {
    private final Clock clock;
    private final PasswordHasher hasher;
    private final DirectoryRepository directory = new DirectoryRepository();
    /** Checked against for questions the user hasn't answered, so a check costs the same either way. */
    private final String decoyHash;

    public SecurityAnswers(Clock clock, PasswordHasher hasher) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.decoyHash = hasher.unmatchableHash();
    }

    /**
     * Replaces the user's answers with {@code answers} and writes the SECURITY_QUESTIONS registration: {@link
     * #prepare} and {@link #store} in the caller's transaction (for seeding; the API hashes outside it).
     *
     * @return the registration written
     * @throws SecurityAnswersRejectedException with every broken rule, or NotForAdministrators
     * @throws IllegalArgumentException         when there is no such user
     */
    public MethodRegistration register(DSLContext tx, String userId, List<QuestionAnswer> answers,
                                       SecurityQuestionsPolicy policy) {
        directory.findUser(tx, userId).orElseThrow(() -> new IllegalArgumentException("No user with id " + userId));
        if (isAdministrator(tx, userId)) {
            throw new SecurityAnswersRejectedException(List.of(new AnswerProblem.NotForAdministrators()));
        }
        return store(tx, userId, prepare(answers, policy));
    }

    /** Answers checked against the rules and hashed, ready to {@link #store}; holds no answer in clear. */
    public record Prepared(List<String> questionIds, List<String> hashes) {
        @Override
        public String toString() {
            return "Prepared[" + questionIds.size() + " answers]";
        }
    }

    /**
     * Checks {@code answers} against the rules, then hashes each (Argon2id of the normalized answer): no
     * database, so no connection is held while hashing. Every broken rule is reported before any hashing,
     * so the work is bounded by the rules' maximum of answers.
     *
     * @throws SecurityAnswersRejectedException with every broken rule
     */
    public Prepared prepare(List<QuestionAnswer> answers, SecurityQuestionsPolicy policy) {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(policy, "policy");
        List<AnswerProblem> problems = SecurityAnswerRules.check(answers, policy);
        if (!problems.isEmpty()) {
            throw new SecurityAnswersRejectedException(problems);
        }
        List<String> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (QuestionAnswer answer : answers) {
            ids.add(answer.questionId());
            hashes.add(hasher.hash(AnswerNormalizer.normalize(answer.answer())));
        }
        return new Prepared(List.copyOf(ids), List.copyOf(hashes));
    }

    /**
     * Replaces the user's answers with prepared ones and writes the SECURITY_QUESTIONS registration (source
     * USER).
     *
     * @throws SecurityAnswersRejectedException NotForAdministrators, for anyone holding an admin role
     */
    public MethodRegistration store(DSLContext tx, String userId, Prepared prepared) {
        if (isAdministrator(tx, userId)) {
            throw new SecurityAnswersRejectedException(List.of(new AnswerProblem.NotForAdministrators()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.deleteFrom(SECURITY_ANSWER).where(SECURITY_ANSWER.USER_ID.eq(userId)).execute();
        var insert = tx.insertInto(SECURITY_ANSWER, SECURITY_ANSWER.USER_ID, SECURITY_ANSWER.QUESTION_ID,
                SECURITY_ANSWER.ANSWER_HASH, SECURITY_ANSWER.REGISTERED_AT);
        for (int i = 0; i < prepared.questionIds().size(); i++) {
            insert = insert.values(userId, prepared.questionIds().get(i), prepared.hashes().get(i),
                    now.atOffset(ZoneOffset.UTC));
        }
        insert.execute();
        MethodRegistration registration = MethodRegistration.securityQuestions(
                new LinkedHashSet<>(prepared.questionIds()), now);
        directory.putRegistration(tx, userId, registration);
        return registration;
    }

    /** The ids of the questions the user answered, sorted. */
    public List<String> registeredQuestionIds(DSLContext tx, String userId) {
        return tx.select(SECURITY_ANSWER.QUESTION_ID).from(SECURITY_ANSWER)
                .where(SECURITY_ANSWER.USER_ID.eq(userId))
                .orderBy(SECURITY_ANSWER.QUESTION_ID)
                .fetch(SECURITY_ANSWER.QUESTION_ID);
    }

    /**
     * {@code count} of the user's questions that the policy still offers, chosen at random (draw again
     * after a wrong answer). Empty when fewer than {@code count} are left, or for an administrator: the
     * gate can't be used then.
     */
    public List<String> draw(DSLContext tx, String userId, int count, SecurityQuestionsPolicy policy,
                             RandomGenerator random) {
        if (count < 1) {
            throw new IllegalArgumentException("Draw at least one question");
        }
        if (isAdministrator(tx, userId)) {
            return List.of();
        }
        Set<String> offered = new HashSet<>(policy.questionIds());
        List<String> candidates = new ArrayList<>(registeredQuestionIds(tx, userId));
        candidates.retainAll(offered);
        if (candidates.size() < count) {
            return List.of();
        }
        Collections.shuffle(candidates, random);
        return List.copyOf(candidates.subList(0, count));
    }

    /**
     * What answering {@code asked} needs, read inside the caller's transaction: the stored hashes of those
     * questions. Only the asked questions are read, so the work that follows is bounded by the policy's
     * number (3–5), whatever the request holds; hashing happens later, outside the transaction.
     */
    public Expected expected(DSLContext tx, String userId, List<String> asked) {
        Map<String, String> stored = asked.isEmpty() ? Map.of()
                : tx.select(SECURITY_ANSWER.QUESTION_ID, SECURITY_ANSWER.ANSWER_HASH).from(SECURITY_ANSWER)
                .where(SECURITY_ANSWER.USER_ID.eq(userId)).and(SECURITY_ANSWER.QUESTION_ID.in(asked))
                .fetchMap(SECURITY_ANSWER.QUESTION_ID, SECURITY_ANSWER.ANSWER_HASH);
        return new Expected(List.copyOf(asked), Map.copyOf(stored), !isAdministrator(tx, userId));
    }

    /**
     * The stored answers of the questions asked.
     *
     * @param answerable false for an administrator: security questions never prove an administrator
     */
    public record Expected(List<String> asked, Map<String, String> hashes, boolean answerable) {
        @Override
        public String toString() {
            return "Expected[" + asked.size() + " questions]";
        }
    }

    /**
     * Whether {@code given} answers exactly the asked questions, each as registered (after normalization).
     * Answers to anything but the asked set are refused before any hashing; otherwise every answer is
     * hashed, right or wrong, registered or not, so the time taken doesn't tell which answer failed.
     * At most one hash per asked question; touches no database.
     */
    public boolean matches(Expected expected, Map<String, String> given) {
        Objects.requireNonNull(given, "given");
        if (expected.asked().isEmpty() || !given.keySet().equals(Set.copyOf(expected.asked()))) {
            return false;
        }
        boolean allRight = expected.answerable();
        for (String question : expected.asked()) {
            String hash = expected.hashes().get(question);
            String answer = given.get(question);
            String typed = answer == null ? "" : AnswerNormalizer.normalize(answer);
            boolean right = hasher.verify(typed, hash == null ? decoyHash : hash);
            allRight &= right && hash != null;
        }
        return allRight;
    }

    /** Forgets the user's answers and their registration; false when there were none. */
    public boolean remove(DSLContext tx, String userId) {
        directory.deleteRegistration(tx, userId, AuthMethod.Registration.SECURITY_QUESTIONS);
        return tx.deleteFrom(SECURITY_ANSWER).where(SECURITY_ANSWER.USER_ID.eq(userId)).execute() > 0;
    }

    private boolean isAdministrator(DSLContext tx, String userId) {
        return !directory.roles(tx, userId).isEmpty();
    }

    @Override
    public String toString() {
        return "SecurityAnswers[]";
    }
}
