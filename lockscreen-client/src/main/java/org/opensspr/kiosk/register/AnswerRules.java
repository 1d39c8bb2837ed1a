package org.opensspr.kiosk.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security answers' rules as the person types (docs/design.md §6): a question chosen for every row and
 * each used once, answers of min–max characters after trimming, no two answers alike once normalized as the
 * server normalizes them (NFKC, case-folded, whitespace collapsed). The kiosk explains; the server decides.
 */
final class AnswerRules {
    /** Why a row can't be sent yet; the bundle key is {@code secinfo.answer.<name>}. */
    enum Problem {
        NO_QUESTION, QUESTION_REPEATED, NO_ANSWER, ANSWER_TOO_SHORT, ANSWER_TOO_LONG, ANSWER_REPEATED
    }

    /** One row: the chosen question's id (null for none) and the answer as typed. */
    record Row(String questionId, String answer) {
    }

    private AnswerRules() {
    }

    /** Each row's first problem, or null for a row that is fine. */
    static List<Problem> check(List<Row> rows, int min, int max) {
        Map<String, Integer> questions = new HashMap<>();
        Map<String, Integer> answers = new HashMap<>();
        for (Row row : rows) {
            if (row.questionId() != null) {
                questions.merge(row.questionId(), 1, Integer::sum);
            }
            String normalized = normalize(row.answer());
            if (!normalized.isEmpty()) {
                answers.merge(normalized, 1, Integer::sum);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Row row : rows) {
            String trimmed = row.answer() == null ? "" : row.answer().strip();
            int length = trimmed.codePointCount(0, trimmed.length());
            Problem problem;
            if (row.questionId() == null) {
                problem = Problem.NO_QUESTION;
            } else if (questions.get(row.questionId()) > 1) {
                problem = Problem.QUESTION_REPEATED;
            } else if (length == 0) {
                problem = Problem.NO_ANSWER;
            } else if (length < min) {
                problem = Problem.ANSWER_TOO_SHORT;
            } else if (length > max) {
                problem = Problem.ANSWER_TOO_LONG;
            } else if (answers.get(normalize(row.answer())) > 1) {
                problem = Problem.ANSWER_REPEATED;
            } else {
                problem = null;
            }
            problems.add(problem);
        }
        return problems;
    }

    static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String folded = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }
}
