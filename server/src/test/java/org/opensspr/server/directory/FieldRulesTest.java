package org.opensspr.server.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldRulesTest {

    @ParameterizedTest(name = "UPN ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            alice@contoso.com                  | -
            o'brien.k@corp.contoso.example     | -
            alice+sspr@xn--bcher-kva.example   | -
            admin@localhost                    | -
            ''                                 | REQUIRED
            alice                              | INVALID_FORMAT
            alice@                             | INVALID_FORMAT
            @contoso.com                       | INVALID_FORMAT
            alice@@contoso.com                 | INVALID_FORMAT
            .alice@contoso.com                 | INVALID_FORMAT
            al..ice@contoso.com                | INVALID_FORMAT
            alice@contoso..com                 | INVALID_FORMAT
            alice@-contoso.com                 | INVALID_FORMAT
            ali ce@contoso.com                 | INVALID_FORMAT
            alice@contoso.com.                 | INVALID_FORMAT
            """)
    void userPrincipalNames(String upn, String problem) {
        assertThat(FieldRules.userPrincipalName("upn", upn).map(FieldProblem::code).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "phone ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''                     | -
            +1 4255550100          | -
            +41 44 668 18 00       | -
            +49 30 1234            | -
            +44 2079460958123      | -
            +1 425555010           | -
            +1 42555               | INVALID_FORMAT
            +44 20794609581234     | INVALID_FORMAT
            4255550100             | INVALID_FORMAT
            +1-425-555-0100        | INVALID_FORMAT
            +14255550100           | INVALID_FORMAT
            +0 4255550100          | INVALID_FORMAT
            +1  4255550100         | INVALID_FORMAT
            +1 (425) 5550100       | INVALID_FORMAT
            +1 425555010x          | INVALID_FORMAT
            +1234 5550100          | INVALID_FORMAT
            """)
    void phoneNumbers(String phone, String problem) {
        assertThat(FieldRules.phone("mobilePhone", phone, "The mobile phone").map(FieldProblem::code).orElse(null))
                .isEqualTo(problem);
    }

    @ParameterizedTest(name = "email ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''                        | -
            alice.private@example.org | -
            alice                     | INVALID_FORMAT
            alice@example.org,bob@x.y | INVALID_FORMAT
            """)
    void emails(String email, String problem) {
        assertThat(FieldRules.email("alternateEmail", email, "The alternate email").map(FieldProblem::code).orElse(null))
                .isEqualTo(problem);
    }

    @ParameterizedTest(name = "language ''{0}'' -> {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''           | -              | ''
            en           | -              | en
            de-ch        | -              | de-CH
            zh-Hant-TW   | -              | zh-Hant-TW
            sr-Latn      | -              | sr-Latn
            english      | INVALID_FORMAT | -
            en_US        | INVALID_FORMAT | -
            x-private    | INVALID_FORMAT | -
            de-CH-       | INVALID_FORMAT | -
            """)
    void languageTags(String tag, String problem, String canonical) {
        assertThat(FieldRules.languageTag("preferredLanguage", tag).map(FieldProblem::code).orElse(null))
                .isEqualTo(problem);
        if (problem == null) {
            assertThat(FieldRules.canonicalLanguageTag(tag)).isEqualTo(canonical);
        }
    }

    @ParameterizedTest(name = "group name ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SSPR pilot     | -
            ''             | REQUIRED
            Sales;EMEA     | INVALID_FORMAT
            """)
    void groupNames(String name, String problem) {
        assertThat(FieldRules.groupName("name", name).map(FieldProblem::code).orElse(null)).isEqualTo(problem);
    }
}
