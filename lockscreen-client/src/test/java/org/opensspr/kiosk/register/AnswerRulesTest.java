package org.opensspr.kiosk.register;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live checks of security answers, row by row (docs/design.md §6: 3–40 characters, no two alike, each question once). */
class AnswerRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # rows as question:answer, separated by ;  | each row's problem, - for none
            all fine                | PET:Rex;FOOD:pho;HERO:Ada Lovelace       | -;-;-
            no question chosen      | :Rex;FOOD:pho;HERO:Ada                    | NO_QUESTION;-;-
            a question twice        | PET:Rex;PET:pho;HERO:Ada                  | QUESTION_REPEATED;QUESTION_REPEATED;-
            empty answer            | PET:;FOOD:pho;HERO:Ada                    | NO_ANSWER;-;-
            blank answer            | PET:   ;FOOD:pho;HERO:Ada                 | NO_ANSWER;-;-
            too short               | PET:Re;FOOD:pho;HERO:Ada                  | ANSWER_TOO_SHORT;-;-
            short after trimming    | PET:  ab  ;FOOD:pho;HERO:Ada              | ANSWER_TOO_SHORT;-;-
            exactly three           | PET:abc;FOOD:pho;HERO:Ada                 | -;-;-
            forty is fine           | PET:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;FOOD:pho;HERO:Ada | -;-;-
            forty-one is too long   | PET:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;FOOD:pho;HERO:Ada | ANSWER_TOO_LONG;-;-
            same answer twice       | PET:Rex;FOOD:rex;HERO:Ada                 | ANSWER_REPEATED;ANSWER_REPEATED;-
            alike once normalized   | PET:Ada  Lovelace;FOOD:ada lovelace;HERO:Pho | ANSWER_REPEATED;ANSWER_REPEATED;-
            """)
    void eachRowSaysWhatIsWrong(String name, String rows, String expected) {
        List<AnswerRules.Row> parsed = new ArrayList<>();
        for (String row : rows.split(";")) {
            String[] parts = row.split(":", -1);
            parsed.add(new AnswerRules.Row(parts[0].isBlank() ? null : parts[0].strip(), parts[1]));
        }
        List<String> problems = AnswerRules.check(parsed, 3, 40).stream()
                .map(p -> p == null ? "-" : p.name()).toList();
        assertThat(problems).isEqualTo(Arrays.asList(expected.split(";")));
    }
}
