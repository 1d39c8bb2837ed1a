package org.opensspr.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFingerprintPropertyTest {

    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    /** Hex of the bytes, with or without colons, each letter in a case chosen by the seed. */
    private static String write(byte[] bytes, boolean colons, long caseSeed) {
        String hex = (colons ? HexFormat.ofDelimiter(":") : HexFormat.of()).formatHex(bytes);
        Random random = new Random(caseSeed);
        StringBuilder mixed = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    @Property
    void readsAny32ByteDigestInAnyCaseWithOrWithoutColons(@ForAll @Size(32) byte[] digest,
                                                          @ForAll boolean colons, @ForAll long caseSeed) {
        CertificateFingerprint parsed = CertificateFingerprint.parse(write(digest, colons, caseSeed));

        assertThat(parsed.digest()).isEqualTo(digest);
        assertThat(parsed).isEqualTo(CertificateFingerprint.ofDigest(digest));
        assertThat(CertificateFingerprint.parse(parsed.toString())).isEqualTo(parsed);
        assertThat(parsed.toHex()).isEqualTo(HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT));
    }

    @Property
    void refusesAnyOtherLength(@ForAll @Size(max = 64) byte[] bytes, @ForAll boolean colons, @ForAll long caseSeed) {
        Assume.that(bytes.length != 32);

        assertThatThrownBy(() -> CertificateFingerprint.parse(write(bytes, colons, caseSeed)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void refusesAnyNonHexCharacterInPlaceOfADigit(@ForAll @Size(32) byte[] digest, @ForAll boolean colons,
                                                   @ForAll @IntRange(max = 63) int digit,
                                                   @ForAll("nonHex") char replacement) {
        StringBuilder text = new StringBuilder(write(digest, colons, 0));
        int position = colons ? digit + digit / 2 : digit; // skip over the colons
        text.setCharAt(position, replacement);

        assertThatThrownBy(() -> CertificateFingerprint.parse(text.toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Character> nonHex() {
        return Arbitraries.chars().filter(c -> HEX_DIGITS.indexOf(c) < 0);
    }
}
