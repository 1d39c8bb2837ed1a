package org.opensspr.policy;

import org.junit.jupiter.api.Test;
import org.opensspr.methods.PredefinedQuestion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityQuestionsPolicyTest {

    /** offers() answers without building the list, and must answer as the list does, for every kind of id. */
    @Test
    void offersExactlyTheQuestionIds() {
        SecurityQuestionsPolicy policy = new SecurityQuestionsPolicy(3, 3,
                EnumSet.of(PredefinedQuestion.FIRST_PET, PredefinedQuestion.FAVORITE_FOOD),
                // A custom id may even spell a predefined question the policy leaves out.
                List.of(new CustomQuestion("c1", "Custom one?"), new CustomQuestion("CHILDHOOD_HERO", "Hero?")));
        List<String> candidates = new ArrayList<>(List.of("c1", "c2", "", "first_pet", "CHILDHOOD_HERO"));
        for (PredefinedQuestion question : PredefinedQuestion.values()) {
            candidates.add(question.name());
        }
        for (String id : candidates) {
            assertThat(policy.offers(id)).as(id).isEqualTo(policy.questionIds().contains(id));
        }
        assertThat(policy.offers("FIRST_PET")).isTrue();
        assertThat(policy.offers("CHILDHOOD_HERO")).isTrue();
        assertThat(policy.offers("FIRST_JOB")).isFalse();
    }
}
