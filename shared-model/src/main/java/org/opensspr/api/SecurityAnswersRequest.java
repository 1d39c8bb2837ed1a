package org.opensspr.api;

import java.util.List;

/** The user's security questions and answers, all at once; they replace any registered before. */
public record SecurityAnswersRequest(String session, List<Answer> answers) {
    public SecurityAnswersRequest {
        answers = answers == null ? null : List.copyOf(answers);
    }

    /** One question (by id) and its answer as typed. */
    public record Answer(String questionId, String answer) {
        @Override
        public String toString() {
            return "Answer[questionId=" + questionId + ", answer=" + Redacted.mark(answer) + "]";
        }
    }

    @Override
    public String toString() {
        return "SecurityAnswersRequest[session=" + Redacted.mark(session) + ", answers="
                + (answers == null ? "none" : answers.size() + " hidden") + "]";
    }
}
