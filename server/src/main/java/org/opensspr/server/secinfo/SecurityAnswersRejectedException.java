package org.opensspr.server.secinfo;

import java.util.List;
import java.util.stream.Collectors;

/** Security answers that break the registration rules, with every problem. Never carries an answer. */
public final class SecurityAnswersRejectedException extends RuntimeException {
    private final List<AnswerProblem> problems;

    public SecurityAnswersRejectedException(List<AnswerProblem> problems) {
        super("The security answers can't be registered: " + problems.stream().map(AnswerProblem::message)
                .collect(Collectors.joining(" ")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}
