package org.opensspr.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalBannedTermsTest {

    @Test
    void loadsAtLeastTenThousandNormalizedTermsOfFourOrMoreCharacters() {
        BannedTermList list = GlobalBannedTerms.list();

        // zxcvbn 1.9.0's list has 30,000 lines; 20,535 are letters-only or digits-only base terms
        // of four or more characters.
        assertThat(list.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(list.minLength()).isEqualTo(GlobalBannedTerms.MIN_TERM_LENGTH);
        assertThat(list.maxLength()).isEqualTo(20);
        assertThat(list.contains("password")).isTrue();
        assertThat(list.contains("passwordl")).as("password1 is a variant, caught through 'password'").isFalse();
        assertThat(list.contains("l23456")).as("123456, normalized").isTrue();
        assertThat(list.contains("l23")).as("too short to keep").isFalse();
    }

    @Test
    void loadsOnceAndSharesTheList() {
        assertThat(GlobalBannedTerms.list()).isSameAs(GlobalBannedTerms.list());
    }
}
