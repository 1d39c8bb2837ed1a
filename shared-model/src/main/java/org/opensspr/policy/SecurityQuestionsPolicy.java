package org.opensspr.policy;

import org.opensspr.methods.PredefinedQuestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How many questions users register and answer, and which questions they may choose from. */
public record SecurityQuestionsPolicy(int toRegister, int toReset, Set<PredefinedQuestion> predefined,
                                      List<CustomQuestion> custom) {
    public static final int MIN_QUESTIONS = 3;
    public static final int MAX_QUESTIONS = 5;
    public static final int MAX_CUSTOM_QUESTIONS = 20;
    public static final int MIN_CUSTOM_QUESTION_LENGTH = 3;
    public static final int MAX_CUSTOM_QUESTION_LENGTH = 200;
    private static final Map<String, PredefinedQuestion> PREDEFINED_BY_NAME = Arrays.stream(PredefinedQuestion.values())
            .collect(Collectors.toUnmodifiableMap(PredefinedQuestion::name, q -> q));

    public SecurityQuestionsPolicy {
        predefined = Copies.enumSet(PredefinedQuestion.class, predefined);
        custom = Copies.list(custom);
    }

    public static SecurityQuestionsPolicy defaults() {
        return new SecurityQuestionsPolicy(3, 3, EnumSet.allOf(PredefinedQuestion.class), List.of());
    }

    /**
     * Whether {@code questionId} is one of {@link #questionIds()}: asked for every answered question of every user
     * an impact preview compares, so it builds no list.
     */
    public boolean offers(String questionId) {
        PredefinedQuestion named = PREDEFINED_BY_NAME.get(questionId);
        return named != null && predefined.contains(named) || custom.stream().anyMatch(q -> q.id().equals(questionId));
    }

    /** The ids a registration may refer to: predefined constant names and custom question ids. */
    public List<String> questionIds() {
        List<String> ids = new ArrayList<>();
        predefined.forEach(q -> ids.add(q.name()));
        custom.forEach(q -> ids.add(q.id()));
        return List.copyOf(ids);
    }
}
