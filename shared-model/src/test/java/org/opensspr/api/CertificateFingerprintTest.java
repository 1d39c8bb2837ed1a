package org.opensspr.api;

import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFingerprintTest {

    private static final String HEX = "3fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e";

    @Test
    void isTheSha256OfTheDerEncodedCertificate() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder().commonName("OpenSSPR").build();
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded());

        CertificateFingerprint fingerprint = CertificateFingerprint.of(certificate.certificate());

        assertThat(fingerprint.digest()).isEqualTo(expected);
        assertThat(fingerprint.toHex()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(fingerprint.toString()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(fingerprint.matches(certificate.certificate())).isTrue();
        assertThat(fingerprint.matches(new HeldCertificate.Builder().build().certificate())).isFalse();
    }

    @Test
    void printsAsOpensslDoesAndReadsEveryWayItIsWritten() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(HEX);

        assertThat(fingerprint.toString()).startsWith("3F:A0:B1:").endsWith(":7D:8E").hasSize(95);
        assertThat(CertificateFingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse("  " + HEX.toUpperCase() + "\n")).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse(fingerprint.toString().toLowerCase())).isEqualTo(fingerprint);
        assertThat(fingerprint).hasSameHashCodeAs(CertificateFingerprint.ofDigest(HexFormat.of().parseHex(HEX)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "3fa0",
            // a colon form with one pair too few, a colon out of place, a double colon
            "3F:A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D:8E:9F:A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D",
            "3F:A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D:8E:9F:A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D8:E",
            "3F::0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D:8E:9F:A0:B1:C2:D3:E4:F5:06:17:28:39:4A:5B:6C:7D:8E",
            // SHA-1 length, and 64 characters that are not hex
            "3fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2",
            "zfa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e"})
    void refusesWhatIsNotASha256Fingerprint(String text) {
        assertThatThrownBy(() -> CertificateFingerprint.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void aDigestMustBe32Bytes() {
        assertThatThrownBy(() -> CertificateFingerprint.ofDigest(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }
}
