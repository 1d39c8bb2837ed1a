package org.opensspr.directory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {
    @Test
    void emailShowsFirstLettersAndTheTopLevelDomain() {
        assertThat(Masking.email("alex.wilber@fabrikam-mail.example")).isEqualTo("a•••@f•••.example");
        assertThat(Masking.email(" b@x.org ")).isEqualTo("b•••@x•••.org");
        assertThat(Masking.email("c@localhost")).isEqualTo("c•••@l•••");
    }

    @Test
    void whatIsNotAnAddressShowsNothing() {
        assertThat(Masking.email(null)).isEqualTo("•••");
        assertThat(Masking.email("no-at-sign")).isEqualTo("•••");
        assertThat(Masking.email("@example.org")).isEqualTo("•••");
        assertThat(Masking.email("trailing@")).isEqualTo("•••");
    }

    @Test
    void phoneShowsTheLastTwoDigits() {
        assertThat(Masking.phone("+1 425 555 0142")).isEqualTo("•••• 42");
        assertThat(Masking.phone("123")).isEqualTo("••••");
        assertThat(Masking.phone(null)).isEqualTo("••••");
    }

    @Property
    void aMaskedAddressNeverShowsTheMailboxOrDomainName(@ForAll @AlphaChars @StringLength(min = 2, max = 30) String mailbox,
                                                         @ForAll @AlphaChars @StringLength(min = 2, max = 30) String domain,
                                                         @ForAll @AlphaChars @StringLength(min = 2, max = 6) String tld) {
        String masked = Masking.email(mailbox + "@" + domain + "." + tld);
        assertThat(masked).isEqualTo(mailbox.charAt(0) + "•••@" + domain.charAt(0) + "•••." + tld);
    }

    @Property
    void aMaskedPhoneKeepsAtMostTwoDigits(@ForAll @StringLength(max = 40) String number) {
        assertThat(Masking.phone(number).replaceAll("\\D", "")).hasSizeLessThanOrEqualTo(2);
    }
}
