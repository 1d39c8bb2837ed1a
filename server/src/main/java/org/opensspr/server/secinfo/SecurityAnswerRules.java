package org.opensspr.server.secinfo;

import org.opensspr.policy.SecurityQuestionsPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registration rules for security answers (docs/design.md §6, Entra's): between the policy's "to register"
 * and {@value SecurityQuestionsPolicy#MAX_QUESTIONS} answers, each to a question the policy offers
 * and used once, each {@value #MIN_ANSWER_LENGTH}–{@value #MAX_ANSWER_LENGTH} characters after
 * trimming, no two alike after {@link AnswerNormalizer normalization}. Pure; every problem is reported.
 */
public final class SecurityAnswerRules {
    public static final int MIN_ANSWER_LENGTH = 3;
    public static final int MAX_ANSWER_LENGTH = 40;

    private SecurityAnswerRules() {
    }

    public static List<AnswerProblem> check(List<QuestionAnswer> answers, SecurityQuestionsPolicy policy) {
        List<AnswerProblem> problems = new ArrayList<>();
        if (answers.size() < policy.toRegister()) {
            problems.add(new AnswerProblem.TooFewAnswers(policy.toRegister(), answers.size()));
        }
        if (answers.size() > SecurityQuestionsPolicy.MAX_QUESTIONS) {
            problems.add(new AnswerProblem.TooManyAnswers(SecurityQuestionsPolicy.MAX_QUESTIONS, answers.size()));
        }
        Set<String> offered = new HashSet<>(policy.questionIds());
        Map<String, Integer> questionsSeen = new HashMap<>();
        Map<String, Integer> answersSeen = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            QuestionAnswer entry = answers.get(i);
            String questionId = entry == null ? null : entry.questionId();
            String answer = entry == null || entry.answer() == null ? "" : entry.answer();
            if (questionId == null || !offered.contains(questionId)) {
                problems.add(new AnswerProblem.QuestionNotOffered(i, questionId));
            } else {
                Integer first = questionsSeen.putIfAbsent(questionId, i);
                if (first != null) {
                    problems.add(new AnswerProblem.QuestionRepeated(i, questionId, first));
                }
            }
            int length = AnswerNormalizer.length(answer);
            if (length < MIN_ANSWER_LENGTH) {
                problems.add(new AnswerProblem.AnswerTooShort(i, questionId, MIN_ANSWER_LENGTH));
            } else if (length > MAX_ANSWER_LENGTH) {
                problems.add(new AnswerProblem.AnswerTooLong(i, questionId, MAX_ANSWER_LENGTH));
            } else {
                Integer first = answersSeen.putIfAbsent(AnswerNormalizer.normalize(answer), i);
                if (first != null) {
                    problems.add(new AnswerProblem.AnswerRepeated(i, questionId, first));
                }
            }
        }
        return List.copyOf(problems);
    }
}
