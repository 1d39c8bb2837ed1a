package org.opensspr.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalBannedTermsTest {

    @Test
    void loadsAtLeastTenThousandNormalizedTermsOfFourOrMoreCharacters() {
        BannedTermList list = GlobalBannedTerms.list();

        // zxcvbn 1.9.0's list has 30,000 lines; 29,907 stay after normalizing, deduplicating
        // and dropping the 1–3 character ones.
        assertThat(list.size()).isGreaterThanOrEqualTo(10_000).isEqualTo(29_907);
        assertThat(list.minLength()).isEqualTo(GlobalBannedTerms.MIN_TERM_LENGTH);
        assertThat(list.maxLength()).isEqualTo(20);
        assertThat(list.contains("password")).isTrue();
        assertThat(list.contains("passwordl")).as("password1, normalized").isTrue();
        assertThat(list.contains("l23456")).as("123456, normalized").isTrue();
        assertThat(list.contains("l23")).as("too short to keep").isFalse();
    }

    @Test
    void loadsOnceAndSharesTheList() {
        assertThat(GlobalBannedTerms.list()).isSameAs(GlobalBannedTerms.list());
    }
}
