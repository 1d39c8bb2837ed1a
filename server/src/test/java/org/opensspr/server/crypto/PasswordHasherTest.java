package org.opensspr.server.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher owasp = PasswordHasher.owasp();

    @Test
    void writesOwaspParametersIntoAPhcString() {
        String phc = owasp.hash("Correct-Horse-42");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(owasp.verify("Correct-Horse-42", phc)).isTrue();
        assertThat(owasp.verify("correct-Horse-42", phc)).isFalse();
        assertThat(owasp.needsRehash(phc)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(owasp.hash("same")).isNotEqualTo(owasp.hash("same"));
    }

    /** Strings made by the reference implementation (Debian's argon2 CLI), each naming its own cost. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Correct-Horse-42 | $argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8
            Tr0ub4dor&3      | $argon2id$v=19$m=8192,t=3,p=2$YW5vdGhlci1zYWx0LTE2Yg$BeZoSyd7gGosjBMVzoqa1XbidwVbsSUb
            pässwörd ü       | $argon2id$v=19$m=4096,t=1,p=1$dW5pY29kZS1zYWx0LXh5eg$P6MfynSVk8vMYfscNux1TtEmIKk0a5eVR/GRMLbkdN8
            """)
    void verifiesReferenceHashesWithWhateverCostTheyName(String password, String phc) {
        assertThat(owasp.verify(password, phc)).isTrue();
        assertThat(owasp.verify(password + "x", phc)).isFalse();
    }

    @Test
    void asksForARehashWhenTheCostDiffers() {
        PasswordHasher cheaper = new PasswordHasher(new PasswordHasher.Cost(4096, 1, 1, 16, 32), new SecureRandom());
        String old = cheaper.hash("Correct-Horse-42");

        assertThat(owasp.verify("Correct-Horse-42", old)).isTrue();
        assertThat(owasp.needsRehash(old)).isTrue();
        assertThat(cheaper.needsRehash(old)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=19$m=19456,t=2$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=19$m=19456,t=2,p=1,x=3$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=19$m=19456,t=2,p=1$not*base64$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$c2hvcnQ",
            "$argon2id$v=19$m=19456,t=two,p=1$c2FsdHNhbHRzYWx0c2FsdA$aifHGjvGl8j8lZgtmsBOM0o8nAQ4aHm1yHPaRX1roY8"})
    void neverMatchesAnUnreadableString(String phc) {
        assertThat(owasp.verify("Correct-Horse-42", phc)).isFalse();
        assertThat(owasp.needsRehash(phc)).isTrue();
    }

    @Test
    void hashesCorrectlyFromManyThreadsThroughItsConcurrencyLimit() throws Exception {
        PasswordHasher limited = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1, 16, 32), new SecureRandom(), 1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 16; i++) {
                String password = "password-" + i;
                results.add(threads.submit(() -> limited.verify(password, limited.hash(password))));
            }
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    /** The hashing meter's source: each computation once, hashing or verifying; an unreadable string costs none. */
    @Test
    void countsEveryComputation() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1, 16, 32), new SecureRandom(), 1);
        String phc = cheap.hash("password");
        cheap.verify("password", phc);
        cheap.verify("wrong", phc);
        cheap.verify("password", "not a hash");

        assertThat(cheap.computed()).isEqualTo(3);
    }

    /** The decoy a sign-in without an account verifies against: the hasher's cost, matched by nothing, no hash made. */
    @Test
    void unmatchableHashHasTheCostOfARealOneAndMatchesNothing() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1, 16, 32), new SecureRandom(), 1);
        String decoy = cheap.unmatchableHash();

        assertThat(cheap.computed()).isZero();
        assertThat(decoy).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(cheap.needsRehash(decoy)).isFalse();
        assertThat(cheap.verify("", decoy)).isFalse();
        assertThat(cheap.verify("password", decoy)).isFalse();
        assertThat(cheap.computed()).as("verifying against it computes a hash, as against a real one").isEqualTo(2);
        assertThat(cheap.unmatchableHash()).isNotEqualTo(decoy);
    }

    @Test
    void nullStoredHashNeverMatches() {
        assertThat(owasp.verify("x", null)).isFalse();
    }
}
