package org.opensspr.server.siem;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 5424 messages and RFC 5425 frames, read back as a receiver reads them. */
class Rfc5424Test {
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.000120Z");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Property(tries = 300)
    void framesSplitBackIntoTheMessagesWhateverOctetsTheyHold(@ForAll("messages") List<byte[]> messages) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        messages.forEach(message -> stream.writeBytes(Rfc5424.frame(message)));

        List<byte[]> read = OctetFrames.split(stream.toByteArray());

        assertThat(read).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(read.get(i)).isEqualTo(messages.get(i));
        }
    }

    @Property(tries = 500)
    void aParamValueReadsBackAndHidesNoUnescapedQuoteOrBracket(@ForAll("text") String value) {
        String escaped = Rfc5424.paramValue(value);

        StringBuilder read = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            assertThat(c).as("an unescaped character that would end the value or element").isNotIn('"', ']');
            if (c == '\\') {
                char next = escaped.charAt(++i);
                assertThat(next).isIn('"', '\\', ']');
                read.append(next);
            } else {
                read.append(c);
            }
        }
        assertThat(read.toString()).isEqualTo(value);
    }

    @Property(tries = 300)
    void theMessageHasTheHeaderThenMsgBehindABomOnlyWhenItIsNotAscii(@ForAll("text") String msg) {
        byte[] message = Rfc5424.message(Rfc5424.priority(10, 4), AT, "password-reset",
                Rfc5424.element("origin", "software", "OpenSSPR"), msg);

        String header = "<84>1 2026-12-06T10:15:30.000120Z opensspr opensspr - password-reset "
                + "[origin software=\"OpenSSPR\"] ";
        byte[] expectedHeader = header.getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOf(message, expectedHeader.length)).isEqualTo(expectedHeader);
        byte[] rest = Arrays.copyOfRange(message, expectedHeader.length, message.length);
        boolean ascii = msg.chars().allMatch(c -> c < 128);
        if (ascii) {
            assertThat(new String(rest, StandardCharsets.US_ASCII)).isEqualTo(msg);
        } else {
            assertThat(Arrays.copyOf(rest, 3)).isEqualTo(BOM);
            assertThat(new String(rest, 3, rest.length - 3, StandardCharsets.UTF_8))
                    .isEqualTo(new String(msg.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }

    @Example
    void structuredDataEscapesItsThreeCharacters() {
        assertThat(Rfc5424.element("origin", "software", "Open\"SSPR]\\", "swVersion", "0.1.0"))
                .isEqualTo("[origin software=\"Open\\\"SSPR\\]\\\\\" swVersion=\"0.1.0\"]");
    }

    @Example
    void headerFieldsArePrintableAsciiWithoutSpacesAndNotTooLong() {
        assertThat(Rfc5424.headerField("x".repeat(32), 32)).hasSize(32);
        for (String bad : List.of("", "two words", "é", "x".repeat(33), "tab\there")) {
            assertThatThrownBy(() -> Rfc5424.headerField(bad, 32)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Example
    void priorityIsFacilityTimesEightPlusSeverity() {
        assertThat(Rfc5424.priority(Rfc5424.FACILITY_AUTHPRIV, Rfc5424.SEVERITY_INFORMATIONAL)).isEqualTo(86);
        assertThat(Rfc5424.priority(Rfc5424.FACILITY_AUTHPRIV, Rfc5424.SEVERITY_WARNING)).isEqualTo(84);
        assertThatThrownBy(() -> Rfc5424.priority(24, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void theTimestampIsUtcToTheMicrosecond() {
        assertThat(Rfc5424.timestamp(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(Rfc5424.timestamp(AT)).isEqualTo("2026-12-06T10:15:30.000120Z");
    }

    @Example
    void aFrameIsTheLengthInOctetsThenASpace() {
        byte[] frame = Rfc5424.frame("é".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("2 é");
    }

    @Provide
    Arbitrary<List<byte[]>> messages() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab \"]\\=|\n").ofMaxLength(16),
                Arbitraries.strings().all().ofMaxLength(24));
    }
}
