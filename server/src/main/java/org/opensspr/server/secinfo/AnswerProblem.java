package org.opensspr.server.secinfo;

/**
 * Why a set of security answers can't be registered. Each problem names the request field it is about
 * ({@code answers} or {@code answers[i].questionId} / {@code answers[i].answer}), a stable code and a
 * message, so a caller maps it to an API field error directly. No problem ever repeats an answer.
 */
public sealed interface AnswerProblem {
    String field();

    String code();

    String message();

    /** Accounts holding an admin role never use security questions (the two-gate policy). */
    record NotForAdministrators() implements AnswerProblem {
        public String field() {
            return "answers";
        }

        public String code() {
            return "NOT_FOR_ADMINISTRATORS";
        }

        public String message() {
            return "Administrators can't use security questions; register other methods.";
        }
    }

    record TooFewAnswers(int required, int given) implements AnswerProblem {
        public String field() {
            return "answers";
        }

        public String code() {
            return "TOO_FEW_ANSWERS";
        }

        public String message() {
            return "Answer at least " + required + " questions; " + given + " answered.";
        }
    }

    record TooManyAnswers(int maximum, int given) implements AnswerProblem {
        public String field() {
            return "answers";
        }

        public String code() {
            return "TOO_MANY_ANSWERS";
        }

        public String message() {
            return "Answer at most " + maximum + " questions; " + given + " answered.";
        }
    }

    /** The question isn't offered by the current policy (or the id names nothing). */
    record QuestionNotOffered(int index, String questionId) implements AnswerProblem {
        public String field() {
            return "answers[" + index + "].questionId";
        }

        public String code() {
            return "QUESTION_NOT_OFFERED";
        }

        public String message() {
            return "This question isn't offered; choose one from the list.";
        }
    }

    /** The same question answered twice. */
    record QuestionRepeated(int index, String questionId, int firstIndex) implements AnswerProblem {
        public String field() {
            return "answers[" + index + "].questionId";
        }

        public String code() {
            return "QUESTION_REPEATED";
        }

        public String message() {
            return "Each question can be used once; this one is already answer " + (firstIndex + 1) + ".";
        }
    }

    record AnswerTooShort(int index, String questionId, int minimum) implements AnswerProblem {
        public String field() {
            return "answers[" + index + "].answer";
        }

        public String code() {
            return "ANSWER_TOO_SHORT";
        }

        public String message() {
            return "An answer needs at least " + minimum + " characters.";
        }
    }

    record AnswerTooLong(int index, String questionId, int maximum) implements AnswerProblem {
        public String field() {
            return "answers[" + index + "].answer";
        }

        public String code() {
            return "ANSWER_TOO_LONG";
        }

        public String message() {
            return "An answer can have at most " + maximum + " characters.";
        }
    }

    /** Two answers alike once normalized: each answer must differ from the others. */
    record AnswerRepeated(int index, String questionId, int firstIndex) implements AnswerProblem {
        public String field() {
            return "answers[" + index + "].answer";
        }

        public String code() {
            return "ANSWER_REPEATED";
        }

        public String message() {
            return "Use a different answer for each question; this one repeats answer " + (firstIndex + 1) + ".";
        }
    }
}
