package org.opensspr.server.secinfo;

import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.SecurityQuestionsPolicy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of a question the policy offers: a predefined question in the user's language, or a
 * custom one as the administrator wrote it.
 */
public final class SecurityQuestionTexts {
    private SecurityQuestionTexts() {
    }

    /** Empty when the policy doesn't offer {@code questionId}. */
    public static Optional<String> text(SecurityQuestionsPolicy policy, String questionId, Locale locale) {
        Optional<String> predefined = Arrays.stream(PredefinedQuestion.values())
                .filter(q -> q.name().equals(questionId) && policy.predefined().contains(q))
                .findFirst().map(q -> q.text(locale));
        if (predefined.isPresent()) {
            return predefined;
        }
        return policy.custom().stream().filter(q -> q.id().equals(questionId)).findFirst().map(CustomQuestion::text);
    }
}
