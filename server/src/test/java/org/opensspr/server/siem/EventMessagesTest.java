package org.opensspr.server.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;
import org.opensspr.api.AuditActivity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole messages: severity by result, MSGID by activity, and never longer than the collector takes. */
class EventMessagesTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30Z");

    @Example
    void aFailureIsOneSeverityStepAboveASuccessAndTheMsgidNamesTheActivity() {
        EventMessages messages = new EventMessages(SiemFormat.JSON, "0.1.0", 8000);
        String activity = AuditActivity.CHANGE_PASSWORD_SELF_SERVICE.entraName();

        String success = text(messages.message(new SiemEvent(1, AT, activity, "a", "b", null, false, "", "")));
        String failure = text(messages.message(new SiemEvent(2, AT, activity, "a", "b", null, true, "wrong", "")));

        assertThat(success).startsWith("<86>1 2026-12-06T10:15:30.000000Z opensspr opensspr - password-change "
                + "[origin software=\"OpenSSPR\" swVersion=\"0.1.0\"] {\"id\":1,");
        assertThat(failure).startsWith("<84>1 ");
    }

    @Property(tries = 200)
    void longDetailsAreShortenedToFitAndSaySo(@ForAll("details") String details, @ForAll boolean cef,
                                              @ForAll @IntRange(min = 2048, max = 9000) int max) throws Exception {
        SiemFormat format = cef ? SiemFormat.CEF : SiemFormat.JSON;
        SiemEvent event = new SiemEvent(1, AT, "Reset password (self-service)", "user@example.org",
                "user@example.org", "kiosk-1", false, "", details);

        byte[] message = new EventMessages(format, "0.1.0", max).message(event);
        byte[] unlimited = new EventMessages(format, "0.1.0", SiemSettings.MAX_MESSAGE_BYTES).message(event);

        assertThat(message.length).isLessThanOrEqualTo(max);
        String sent = detailsOf(message, format);
        if (unlimited.length <= max) {
            assertThat(message).isEqualTo(unlimited);
            assertThat(sent).isEqualTo(details);
        } else {
            assertThat(details).startsWith(sent);
            assertThat(text(message)).contains(cef ? "cs2Label=detailsTruncated cs2=true" : "\"detailsTruncated\":true");
        }
    }

    @Provide
    Arbitrary<String> details() {
        // Characters of one, two and three UTF-8 octets and a surrogate pair (four), and what CEF escapes.
        return Arbitraries.of("a", "b", " ", "=", "\\", "|", "\"", "é", "€", "\uD834\uDD1E").list().ofMaxSize(6000)
                .map(parts -> String.join("", parts));
    }

    /** The details as a SIEM reads them out of the message. */
    private static String detailsOf(byte[] message, SiemFormat format) throws Exception {
        String text = text(message);
        String body = text.substring(text.indexOf("\"] ") + 3).replace("\uFEFF", "");
        if (format == SiemFormat.JSON) {
            return new ObjectMapper().readTree(body).get("details").asText();
        }
        return CefReader.read(body).extension().getOrDefault("msg", "");
    }

    @Example
    void detailsThatFitAreNotTouched() {
        EventMessages messages = new EventMessages(SiemFormat.CEF, "0.1.0", 2048);
        String details = "x".repeat(1500);

        String text = text(messages.message(new SiemEvent(1, AT, "Reset password (self-service)", "a", "b", null,
                false, "", details)));

        assertThat(text).contains(" msg=" + details).doesNotContain("detailsTruncated");
    }

    @Example
    void tooLongDetailsKeepTheirStartAndTheFlag() {
        EventMessages messages = new EventMessages(SiemFormat.CEF, "0.1.0", 2048);
        String details = "y".repeat(5000);

        String text = text(messages.message(new SiemEvent(1, AT, "Reset password (self-service)", "a", "b", null,
                false, "", details)));

        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(text).contains(" msg=yyyy").endsWith(" cs2Label=detailsTruncated cs2=true");
    }

    private static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
