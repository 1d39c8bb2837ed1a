package org.opensspr.server.siem;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.opensspr.api.AuditActivity;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CEF as a SIEM reads it: every value comes back as written, whatever characters it holds. */
class CefBodyTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Property(tries = 500)
    void everyValueReadsBackAsWritten(@ForAll("text") String actor, @ForAll("text") String target,
                                      @ForAll("text") String reason, @ForAll("text") String details,
                                      @ForAll("text") String kiosk, @ForAll("text") String activity,
                                      @ForAll boolean failed) {
        SiemEvent event = new SiemEvent(42, AT, activity, actor, target, kiosk, failed, reason, details);

        CefReader cef = CefReader.read(CefBody.render(event, "0.1.0", false));

        assertThat(cef.header()).containsExactly("CEF:0", "OpenSSPR", "OpenSSPR", "0.1.0", "other",
                controlsAsSpaces(activity, true), failed ? "6" : "3");
        Map<String, String> values = cef.extension();
        assertThat(values).containsEntry("rt", String.valueOf(AT.toEpochMilli())).containsEntry("externalId", "42")
                .containsEntry("outcome", failed ? "failure" : "success");
        expect(values, "suser", actor);
        expect(values, "duser", target);
        expect(values, "reason", reason);
        expect(values, "msg", details);
        expect(values, "cs1", kiosk);
        assertThat(values.containsKey("cs1Label")).isEqualTo(!kiosk.isEmpty());
    }

    @Property(tries = 300)
    void aMessageIsOneLineWithoutControlCharacters(@ForAll("text") String details, @ForAll("text") String activity) {
        String cef = CefBody.render(new SiemEvent(1, AT, activity, "a", "b", null, false, "", details), "0.1.0", false);

        assertThat(cef.chars()).noneMatch(c -> c < 0x20);
    }

    @Example
    void theCharactersCefEscapesAreEscapedWhereItSaysSo() {
        SiemEvent event = new SiemEvent(7, AT, AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName(), "a|b=c\\d",
                "user@example.org", "kiosk-1", true, "wrong code", "line one\nline two\r|x=y\\z\ttab");

        String cef = CefBody.render(event, "0.1.0", true);

        assertThat(cef).startsWith("CEF:0|OpenSSPR|OpenSSPR|0.1.0|password-reset|Reset password (self-service)|6|")
                .contains(" suser=a|b\\=c\\\\d ")
                .contains(" msg=line one\\nline two\\r|x\\=y\\\\z tab ")
                .contains(" cs1Label=kiosk cs1=kiosk-1 ")
                .endsWith(" cs2Label=detailsTruncated cs2=true");
        assertThat(CefBody.header("a|b\\c\nd")).isEqualTo("a\\|b\\\\c d");
    }

    @Example
    void aGatesMethodIsTheThirdCustomString() {
        SiemEvent gate = new SiemEvent(8, AT, AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS.entraName(), "a", "a", null,
                true, "wrong code", "Gate failed: EMAIL", "EMAIL");

        assertThat(CefBody.render(gate, "0.1.0", false)).endsWith(" msg=Gate failed: EMAIL cs3Label=method cs3=EMAIL");
        assertThat(CefBody.render(gate.withDetails("x"), "0.1.0", true))
                .endsWith(" cs2Label=detailsTruncated cs2=true cs3Label=method cs3=EMAIL");
        assertThat(CefReader.read(CefBody.render(gate, "0.1.0", false)).extension()).containsEntry("cs3", "EMAIL");
    }

    private static void expect(Map<String, String> values, String key, String written) {
        if (written.isEmpty()) {
            assertThat(values).doesNotContainKey(key);
        } else {
            assertThat(values).containsEntry(key, controlsAsSpaces(written, false));
        }
    }

    /** What CEF can't carry: control characters other than line breaks in values; none at all in the header. */
    private static String controlsAsSpaces(String text, boolean header) {
        StringBuilder kept = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean lineBreak = c == '\n' || c == '\r';
            kept.append(c < 0x20 && (header || !lineBreak) ? ' ' : c);
        }
        return kept.toString();
    }

    @Provide
    Arbitrary<String> text() {
        // Weighted towards what CEF and syslog treat specially, plus anything at all.
        Arbitrary<Character> special = Arbitraries.of('|', '=', '\\', '\n', '\r', '\t', ' ', '"', ']', 'é', '\u0000',
                '\u007F', '\u2028');
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab =|\\\n\r\t\"]").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(20),
                special.list().ofMaxSize(8).map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat)));
    }
}
