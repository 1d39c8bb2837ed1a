package org.opensspr.server.kiosk;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KioskSecretsTest {
    private final KioskSecrets secrets = new KioskSecrets(new SecureRandom());

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            7KQ2-M9XD-4HRT-0BZC       | 7KQ2M9XD4HRT0BZC
            7kq2-m9xd-4hrt-0bzc       | 7KQ2M9XD4HRT0BZC
            '  7KQ2 M9XD 4HRT 0BZC '  | 7KQ2M9XD4HRT0BZC
            7KQ2M9XD4HRT0BZC          | 7KQ2M9XD4HRT0BZC
            7KQ2-M9XD-4HRT-OBZC       | 7KQ2M9XD4HRT0BZC
            IIII-LLLL-iiii-llll       | 1111111111111111
            7KQ2-M9XD-4HRT-0BZ        | NULL
            7KQ2-M9XD-4HRT-0BZCC      | NULL
            7KQ2-M9XD-4HRT-0BZU       | NULL
            7KQ2_M9XD_4HRT_0BZC       | NULL
            ''                        | NULL
            NULL                      | NULL
            """)
    void typedCodesNormalizeToTheirSixteenCharacters(String typed, String normalized) {
        assertThat(KioskSecrets.normalizeCode(typed)).isEqualTo(Optional.ofNullable(normalized));
    }

    @Property(tries = 300)
    void aNewCodeReadsBackHoweverItIsTyped(@ForAll("typings") Typing typing) {
        String code = secrets.newEnrollmentCode();
        String typed = typing.apply(code);

        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(KioskSecrets.normalizeCode(typed)).contains(code.replace("-", ""));
    }

    @Property(tries = 1000)
    void anyInputNormalizesToNothingOrSixteenAlphabetCharacters(@ForAll String typed) {
        Optional<String> normalized = KioskSecrets.normalizeCode(typed);

        normalized.ifPresent(code -> assertThat(code).hasSize(16).matches("[" + KioskSecrets.CODE_ALPHABET + "]+"));
    }

    @Property(tries = 200)
    void codesAndCredentialsDontRepeat(@ForAll("nothing") Integer ignored) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(secrets.newEnrollmentCode())).isTrue();
            assertThat(seen.add(secrets.newCredential())).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            k.abc        | true
            k.           | true
            K.abc        | false
            kabc         | false
            an-admin-tok | false
            NULL         | false
            """)
    void theCredentialPrefixTellsKioskTokensFromOthers(String token, boolean kiosk) {
        assertThat(KioskSecrets.looksLikeCredential(token)).isEqualTo(kiosk);
    }

    @Property(tries = 50)
    void aCredentialIsKPrefixedBase64UrlOf256Bits(@ForAll("nothing") Integer ignored) {
        String credential = secrets.newCredential();

        assertThat(credential).startsWith("k.").hasSize(2 + 43).matches("k\\.[A-Za-z0-9_-]{43}");
        assertThat(KioskSecrets.looksLikeCredential(credential)).isTrue();
    }

    /** How a person might type a code: case, separators, look-alike letters. */
    record Typing(boolean lowerCase, String separator, boolean lookAlikes) {
        String apply(String code) {
            String typed = code.replace("-", separator);
            if (lookAlikes) {
                typed = typed.replace('0', 'O').replace('1', 'I');
            }
            return lowerCase ? typed.toLowerCase(Locale.ROOT) : typed;
        }
    }

    @Provide
    Arbitrary<Typing> typings() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("-", " ", "", " - ", "  "),
                Arbitraries.of(true, false)).as(Typing::new);
    }

    @Provide
    Arbitrary<Integer> nothing() {
        return Arbitraries.just(0);
    }
}
