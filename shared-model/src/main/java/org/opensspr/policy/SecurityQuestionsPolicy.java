package org.opensspr.policy;

import org.opensspr.methods.PredefinedQuestion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How many questions users register and answer, and which questions they may choose from. */
public record SecurityQuestionsPolicy(int toRegister, int toReset, Set<PredefinedQuestion> predefined,
                                      List<CustomQuestion> custom) {
    public static final int MIN_QUESTIONS = 3;
    public static final int MAX_QUESTIONS = 5;
    public static final int MAX_CUSTOM_QUESTIONS = 20;
    public static final int MIN_CUSTOM_QUESTION_LENGTH = 3;
    public static final int MAX_CUSTOM_QUESTION_LENGTH = 200;

    public SecurityQuestionsPolicy {
        predefined = Copies.enumSet(PredefinedQuestion.class, predefined);
        custom = Copies.list(custom);
    }

    public static SecurityQuestionsPolicy defaults() {
        return new SecurityQuestionsPolicy(3, 3, EnumSet.allOf(PredefinedQuestion.class), List.of());
    }

    /** The ids a registration may refer to: predefined constant names and custom question ids. */
    public List<String> questionIds() {
        List<String> ids = new ArrayList<>();
        predefined.forEach(q -> ids.add(q.name()));
        custom.forEach(q -> ids.add(q.id()));
        return List.copyOf(ids);
    }
}
