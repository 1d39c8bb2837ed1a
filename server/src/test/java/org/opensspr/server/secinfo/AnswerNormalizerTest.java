package org.opensspr.server.secinfo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "  Fluffy  THE cat "       | fluffy the cat
            fluffy the cat             | fluffy the cat
            "Fluffy\tthe\n cat"        | fluffy the cat
            Straße                     | strasse
            STRASSE                    | strasse
            ＦＬＵＦＦＹ                 | fluffy
            "St\u00A0Mary"             | st mary
            ﬁrst                       | first
            İstanbul                   | i̇stanbul
            Ὀδυσσεύς                   | ὀδυσσεύς
            """)
    void foldsSpacesCaseAndCompatibilityForms(String answer, String expected) {
        String unescaped = answer.replace("\\t", "\t").replace("\\n", "\n").replace("\\u00A0", "\u00A0");

        assertThat(AnswerNormalizer.normalize(unescaped)).isEqualTo(expected);
    }
}
