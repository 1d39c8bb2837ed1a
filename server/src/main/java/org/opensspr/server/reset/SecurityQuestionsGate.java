package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.QuestionDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.secinfo.SecurityAnswers;
import org.opensspr.server.secinfo.SecurityQuestionTexts;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Security questions: the policy's number of the user's questions, drawn at random (again after a miss). */
final class SecurityQuestionsGate implements HashedGate<SecurityAnswers.Expected> {
    private final SecurityAnswers answers;
    private final SecureRandom random = new SecureRandom();

    SecurityQuestionsGate(SecurityAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Set<AuthMethod> methods() {
        return Set.of(AuthMethod.SECURITY_QUESTIONS);
    }

    @Override
    public Challenge open(DSLContext tx, GateContext context) {
        var questionsPolicy = context.policy().methods().securityQuestions();
        List<String> drawn = answers.draw(tx, context.user().id(), questionsPolicy.toReset(), questionsPolicy, random);
        return new Challenge(challenge(context, drawn), drawn);
    }

    @Override
    public ChallengeDto describe(DSLContext tx, GateContext context) {
        return challenge(context, context.flow().questions());
    }

    /** The stored hashes of exactly the questions asked, read inside the flow's transaction. */
    @Override
    public SecurityAnswers.Expected prepare(DSLContext tx, GateContext context) {
        return answers.expected(tx, context.user().id(), context.flow().questions());
    }

    /** At most one hash per asked question; anything but the asked questions fails before hashing. */
    @Override
    public Proof verify(SecurityAnswers.Expected expected, String code, Map<String, String> given) {
        return answers.matches(expected, given == null ? Map.of() : given)
                ? new Proof.Passed() : new Proof.Failed("WRONG_ANSWERS", false);
    }

    private static ChallengeDto challenge(GateContext context, List<String> ids) {
        var questionsPolicy = context.policy().methods().securityQuestions();
        List<QuestionDto> questions = ids.stream().map(id -> new QuestionDto(id,
                SecurityQuestionTexts.text(questionsPolicy, id, context.locale()).orElse(id))).toList();
        return new ChallengeDto(AuthMethod.SECURITY_QUESTIONS, null, null, questions, null, null);
    }
}
