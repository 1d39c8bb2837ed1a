package org.opensspr.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensspr.server.crypto.Base32;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final Totp totp = new Totp();

    /** RFC 6238 Appendix B, the SHA-1 rows (8 digits). */
    @ParameterizedTest
    @CsvSource(textBlock = """
            59,          94287082
            1111111109,  07081804
            1111111111,  14050471
            1234567890,  89005924
            2000000000,  69279037
            20000000000, 65353130
            """)
    void matchesRfc6238Sha1Vectors(long epochSeconds, String expected) {
        long step = Totp.stepAt(Instant.ofEpochSecond(epochSeconds));

        assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
        assertThat(Totp.codeAt(RFC_SECRET, step)).isEqualTo(expected.substring(2));
    }

    /** Random secrets and times against Debian's oathtool, an independent implementation. */
    @Test
    void agreesWithOathtool() {
        Random random = new Random(6238);
        for (int i = 0; i < 25; i++) {
            byte[] secret = new byte[Totp.SECRET_BYTES];
            random.nextBytes(secret);
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));

            assertThat(Totp.codeAt(secret, Totp.stepAt(at)))
                    .as("secret %s at %s", Base32.encode(secret), at)
                    .isEqualTo(Oathtool.totp(Base32.encode(secret), at));
        }
    }

    @Test
    void acceptsTheCodeOneStepEitherSideAndAnswersItsStep() {
        byte[] secret = totp.newSecret();
        Instant now = Instant.parse("2026-11-03T09:00:10Z");
        long step = Totp.stepAt(now);

        assertThat(totp.verify(secret, Totp.codeAt(secret, step), now)).hasValue(step);
        assertThat(totp.verify(secret, Totp.codeAt(secret, step - 1), now)).hasValue(step - 1);
        assertThat(totp.verify(secret, Totp.codeAt(secret, step + 1), now)).hasValue(step + 1);
        assertThat(totp.verify(secret, Totp.codeAt(secret, step - 2), now)).isEmpty();
        assertThat(totp.verify(secret, Totp.codeAt(secret, step + 2), now)).isEmpty();
    }

    @Test
    void skipsStepsNotLaterThanTheLastAccepted() {
        byte[] secret = totp.newSecret();
        Instant now = Instant.parse("2026-11-03T09:00:10Z");
        long step = Totp.stepAt(now);
        String code = Totp.codeAt(secret, step);

        assertThat(totp.verify(secret, code, now, step - 1)).hasValue(step);
        assertThat(totp.verify(secret, code, now, step)).isEmpty();
        assertThat(totp.verify(secret, Totp.codeAt(secret, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void toleratesSurroundingAndGroupingSpaces() {
        byte[] secret = totp.newSecret();
        Instant now = Instant.parse("2026-11-03T09:00:10Z");
        String code = Totp.codeAt(secret, Totp.stepAt(now));

        assertThat(totp.verify(secret, " " + code.substring(0, 3) + " " + code.substring(3) + " ", now)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12345a", "１２３４５６", "-12345"})
    void refusesWhatCannotBeACode(String code) {
        byte[] secret = totp.newSecret();

        assertThat(totp.verify(secret, code, Instant.now())).isEqualTo(OptionalLong.empty());
        assertThat(totp.verify(secret, null, Instant.now())).isEmpty();
    }

    @Test
    void makesAnOtpauthUriAuthenticatorAppsRead() {
        byte[] secret = Base32.decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

        assertThat(Totp.otpauthUri("OpenSSPR", "ada admin@contoso.com", secret)).isEqualTo(
                "otpauth://totp/OpenSSPR:ada%20admin%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                        + "&issuer=OpenSSPR&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void newSecretsAre160RandomBits() {
        Totp seeded = new Totp(new SecureRandom());
        assertThat(seeded.newSecret()).hasSize(20).isNotEqualTo(seeded.newSecret());
    }
}
