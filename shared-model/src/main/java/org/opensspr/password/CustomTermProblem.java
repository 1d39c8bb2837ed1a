package org.opensspr.password;

/** Why an administrator's custom banned-password list can't be saved as it is. */
public sealed interface CustomTermProblem {

    /** The list holds more terms than allowed. */
    record TooManyTerms(int maximum, int actual) implements CustomTermProblem {
    }

    /** The term at {@code index} is shorter than {@code minimum} characters. */
    record TermTooShort(int index, String term, int minimum) implements CustomTermProblem {
    }

    /** The term at {@code index} is longer than {@code maximum} characters. */
    record TermTooLong(int index, String term, int maximum) implements CustomTermProblem {
    }

    /** The term at {@code index} normalizes to the same text as the one at {@code firstIndex}. */
    record DuplicateTerm(int index, String term, int firstIndex, String normalized) implements CustomTermProblem {
    }
}
