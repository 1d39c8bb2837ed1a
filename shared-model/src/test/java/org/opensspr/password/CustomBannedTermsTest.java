package org.opensspr.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CustomBannedTermsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(textBlock = """
            # term,                 problem
              abc,                  TermTooShort
              abcd,                 none
              abcdefghijklmnop,     none
              abcdefghijklmnopq,    TermTooLong
              '',                   TermTooShort
              😀😀😀😀,              none
            """)
    void eachTermIsFourToSixteenCharacters(String term, String problem) {
        List<CustomTermProblem> problems = CustomBannedTerms.validate(List.of(term));

        switch (problem) {
            case "TermTooShort" -> assertThat(problems).containsExactly(new CustomTermProblem.TermTooShort(0, term, 4));
            case "TermTooLong" -> assertThat(problems).containsExactly(new CustomTermProblem.TermTooLong(0, term, 16));
            default -> assertThat(problems).isEmpty();
        }
    }

    @ParameterizedTest(name = "''{0}'' and ''{1}''")
    @CsvSource(textBlock = """
            # first,      second,      normalized,  duplicate
              contoso,    Contoso,     contoso,     true
              contoso,    C0nt0so,     contoso,     true
              'p@$$',     pass,        pass,        true
              blank,      blanks,      blanks,      false
            """)
    void termsMayNotRepeatAfterNormalization(String first, String second, String normalized, boolean duplicate) {
        List<CustomTermProblem> problems = CustomBannedTerms.validate(List.of(first, "fabrikam", second));

        if (duplicate) {
            assertThat(problems).containsExactly(new CustomTermProblem.DuplicateTerm(2, second, 0, normalized));
        } else {
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void holdsAtMostAThousandTerms() {
        List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> "term" + i).toList();
        List<String> thousandAndOne = IntStream.range(0, 1001).mapToObj(i -> "term" + i).toList();

        assertThat(CustomBannedTerms.validate(thousand)).isEmpty();
        assertThat(CustomBannedTerms.validate(thousandAndOne))
                .containsExactly(new CustomTermProblem.TooManyTerms(1000, 1001));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(CustomBannedTerms.validate(List.of("ab", "contoso", "CONTOSO", "averyveryverylongterm")))
                .containsExactly(
                        new CustomTermProblem.TermTooShort(0, "ab", 4),
                        new CustomTermProblem.DuplicateTerm(2, "CONTOSO", 1, "contoso"),
                        new CustomTermProblem.TermTooLong(3, "averyveryverylongterm", 16));
    }
}
