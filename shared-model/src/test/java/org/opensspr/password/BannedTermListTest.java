package org.opensspr.password;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BannedTermListTest {

    @Test
    void normalizesDeduplicatesAndDropsShortTerms() {
        BannedTermList list = BannedTermList.of(List.of("P@ssw0rd", "password", "abc", "Dragon", "x"), 4);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.contains("password")).isTrue();
        assertThat(list.contains("dragon")).isTrue();
        assertThat(list.contains("abc")).isFalse();
        assertThat(list.minLength()).isEqualTo(6);
        assertThat(list.maxLength()).isEqualTo(8);
    }

    @Test
    void findsTheExactTermBeforeAnyNearOne() {
        BannedTermList list = BannedTermList.of(List.of("dragons", "dragon"), 4);

        assertThat(list.termWithinOneEditOf("dragon")).contains("dragon");
        assertThat(list.termWithinOneEditOf("dragoz")).contains("dragon");
        assertThat(list.termWithinOneEditOf("dragonsz")).contains("dragons");
        assertThat(list.termWithinOneEditOf("drag")).isEmpty();
    }

    @Test
    void anEmptyListMatchesNothing() {
        BannedTermList list = BannedTermList.of(List.of("abc"), 4);

        assertThat(list).isSameAs(BannedTermList.empty());
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.maxLength()).isZero();
        assertThat(list.termWithinOneEditOf("abcd")).isEmpty();
    }
}
