package org.opensspr.policy;

import org.opensspr.methods.AuthMethod;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.opensspr.policy.SecurityQuestionsPolicy.MAX_CUSTOM_QUESTIONS;
import static org.opensspr.policy.SecurityQuestionsPolicy.MAX_CUSTOM_QUESTION_LENGTH;
import static org.opensspr.policy.SecurityQuestionsPolicy.MAX_QUESTIONS;
import static org.opensspr.policy.SecurityQuestionsPolicy.MIN_CUSTOM_QUESTION_LENGTH;
import static org.opensspr.policy.SecurityQuestionsPolicy.MIN_QUESTIONS;

/** Questions to register and to answer (3–5), enough questions offered, and well-formed custom questions. */
final class SecurityQuestionRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        SecurityQuestionsPolicy q = policy.methods().securityQuestions();
        Violations v = new Violations();
        if (policy.methods().isEnabled(AuthMethod.SECURITY_QUESTIONS)) {
            v.when(Violations.outside(q.toRegister(), MIN_QUESTIONS, MAX_QUESTIONS),
                            PolicyViolationCode.QUESTIONS_TO_REGISTER_OUT_OF_RANGE, "methods.securityQuestions.toRegister",
                            "The number of questions to register must be from 3 to 5.")
                    .when(Violations.outside(q.toReset(), MIN_QUESTIONS, MAX_QUESTIONS),
                            PolicyViolationCode.QUESTIONS_TO_RESET_OUT_OF_RANGE, "methods.securityQuestions.toReset",
                            "The number of questions to answer must be from 3 to 5.")
                    .when(q.toReset() > q.toRegister(), PolicyViolationCode.QUESTIONS_TO_RESET_ABOVE_REGISTER,
                            "methods.securityQuestions.toReset",
                            "Users can't be asked more questions (" + q.toReset() + ") than they register ("
                                    + q.toRegister() + ").")
                    .when(q.questionIds().size() < q.toRegister(), PolicyViolationCode.TOO_FEW_QUESTIONS_OFFERED,
                            "methods.securityQuestions.predefined", "Offer at least " + q.toRegister()
                                    + " questions so users can register; " + q.questionIds().size() + " are offered.");
        }
        v.when(q.custom().size() > MAX_CUSTOM_QUESTIONS, PolicyViolationCode.TOO_MANY_CUSTOM_QUESTIONS,
                "methods.securityQuestions.custom", "At most 20 custom questions; there are " + q.custom().size() + ".");
        checkCustomQuestions(q.custom(), v);
        return v.list();
    }

    private static void checkCustomQuestions(List<CustomQuestion> custom, Violations v) {
        Set<String> texts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < custom.size(); i++) {
            CustomQuestion question = custom.get(i);
            String field = "methods.securityQuestions.custom[" + i + "]";
            int length = question.text().strip().length();
            v.when(length < MIN_CUSTOM_QUESTION_LENGTH || length > MAX_CUSTOM_QUESTION_LENGTH,
                    PolicyViolationCode.CUSTOM_QUESTION_LENGTH, field + ".text",
                    "A custom question must be 3 to 200 characters long; this one has " + length + ".");
            v.when(!texts.add(question.text().strip().toLowerCase(Locale.ROOT)) && length > 0,
                    PolicyViolationCode.CUSTOM_QUESTION_DUPLICATE, field + ".text",
                    "The question \"" + question.text().strip() + "\" is listed more than once.");
            v.when(question.id().isBlank() || !ids.add(question.id()), PolicyViolationCode.CUSTOM_QUESTION_ID_INVALID,
                    field + ".id", "Every custom question needs its own id.");
        }
    }
}
