package org.opensspr.server.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void tokensAre256RandomBitsInBase64UrlWithoutPadding() {
        Tokens tokens = new Tokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    /** FIPS 180-2 examples. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
            '',  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    void hashesForStorageAsSha256Hex(String token, String expected) {
        assertThat(Tokens.sha256Hex(token)).isEqualTo(expected);
    }
}
