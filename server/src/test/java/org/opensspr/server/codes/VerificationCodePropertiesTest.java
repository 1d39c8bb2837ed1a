package org.opensspr.server.codes;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodePropertiesTest {

    @Property
    void aCodeIsAlwaysEightDigitsNamingTheDrawnNumber(@ForAll long seed) {
        String code = VerificationCodes.newCode(new Random(seed));

        assertThat(code).matches("[0-9]{8}");
        assertThat(Integer.parseInt(code)).isBetween(0, 99_999_999);
    }
}
