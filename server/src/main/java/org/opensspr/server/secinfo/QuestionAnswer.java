package org.opensspr.server.secinfo;

/** One security question and the user's answer to it, as registered. The answer never shows in logs. */
public record QuestionAnswer(String questionId, String answer) {
    @Override
    public String toString() {
        return "QuestionAnswer[questionId=" + questionId + ", answer=<redacted>]";
    }
}
