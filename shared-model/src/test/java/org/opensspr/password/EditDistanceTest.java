package org.opensspr.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}''")
    @CsvSource(textBlock = """
            # a,          b,           within one edit
              abcdef,     abcdef,      true
              abcdef,     abcdeg,      true
              abcdef,     xbcdef,      true
              abcdef,     abcdefg,     true
              abcdef,     zabcdef,     true
              abcdef,     abcde,       true
              abcdef,     bcdef,       true
              abcdef,     abdef,       true
              abcdef,     abcxyf,      false
              abcdef,     bacdef,      false
              abcdef,     abcdefgh,    false
              abcdef,     abcd,        false
              abcdef,     xabcdefx,    false
              abcdef,     abcdfe,      false
              ab😀cd,     abxcd,       true
              ab😀cd,     abcd,        true
              ab😀cd,     ab😀😀cd,     true
              '',         a,           true
              '',         ab,          false
            """)
    void answersWhetherTwoStringsAreAtMostOneEditApart(String a, String b, boolean within) {
        assertThat(EditDistance.withinOne(a, b)).isEqualTo(within);
        assertThat(EditDistance.withinOne(b, a)).as("symmetric").isEqualTo(within);
    }
}
