package org.opensspr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.methods.AuthMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeFormatTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void eightDigitsTakeExactlyEightDigitsWhitespaceAside() {
        CodeFormat eight = CodeFormat.digits(8);

        assertThat(eight.accepts("01234567")).isTrue();
        assertThat(eight.accepts(" 0123 4567\t")).as("grouped as read off a phone").isTrue();
        assertThat(eight.accepts("123456")).as("an Authenticator-length code").isFalse();
        assertThat(eight.accepts("012345678")).isFalse();
        assertThat(eight.accepts("0123456a")).isFalse();
        assertThat(eight.accepts("０１２３４５６７")).as("only ASCII digits").isFalse();
        assertThat(eight.accepts("")).isFalse();
        assertThat(eight.accepts(null)).isFalse();
        assertThat(CodeFormat.typed(" 0123 4567 ")).isEqualTo("01234567");
    }

    @Test
    void aFormatNotOfDigitsTakesLettersToo() {
        CodeFormat mixed = new CodeFormat(4, false);

        assertThat(mixed.accepts("a1B2")).isTrue();
        assertThat(mixed.accepts("a1-2")).isFalse();
        assertThat(CodeFormat.digits(4).accepts("a1B2")).isFalse();
    }

    @Test
    void aCodeHasAtLeastOneCharacter() {
        assertThatThrownBy(() -> CodeFormat.digits(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChallengeCarriesItsFormatAndAnOlderAnswerReadsWithout() throws Exception {
        ChallengeDto email = new ChallengeDto(AuthMethod.EMAIL, "a•••@example.org", CodeFormat.digits(8), List.of(),
                null, null);

        String written = json.writeValueAsString(email);
        assertThat(json.readTree(written).path("codeFormat").toString()).isEqualTo("{\"length\":8,\"digitsOnly\":true}");
        assertThat(json.readValue(written, ChallengeDto.class)).isEqualTo(email);
        assertThat(json.readValue("{\"method\":\"EMAIL\",\"destination\":\"a•••@example.org\"}", ChallengeDto.class)
                .codeFormat()).isNull();
    }
}
