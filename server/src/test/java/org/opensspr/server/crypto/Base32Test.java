package org.opensspr.server.crypto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base32Test {

    /** RFC 4648 §10 test vectors. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            '',       '',               ''
            f,        MY======,         MY
            fo,       MZXQ====,         MZXQ
            foo,      MZXW6===,         MZXW6
            foob,     MZXW6YQ=,         MZXW6YQ
            fooba,    MZXW6YTB,         MZXW6YTB
            foobar,   MZXW6YTBOI======, MZXW6YTBOI
            """)
    void matchesTheRfcVectors(String text, String padded, String unpadded) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encodePadded(data)).isEqualTo(padded);
        assertThat(Base32.encode(data)).isEqualTo(unpadded);
        assertThat(Base32.decode(padded)).isEqualTo(data);
        assertThat(Base32.decode(unpadded)).isEqualTo(data);
        assertThat(Base32.decode(unpadded.toLowerCase())).isEqualTo(data);
    }

    /** Wrong lengths, characters and padding, and "MZ" whose last character carries bits beyond the byte. */
    @ParameterizedTest
    @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZ1Q", "MZXQ===", "MZXQ=====", "MZ=XQ", "MZ XQ", "MZXW6YTBOI=======",
            "MZ"})
    void refusesWhatIsNotBase32(String text) {
        assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
