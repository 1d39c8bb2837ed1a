package org.opensspr.server.writeback;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a directory says, a message we keep never shows the password that was sent. */
class RedactionPropertiesTest {

    @Property
    void aScrubbedMessageNeverContainsTheSecret(@ForAll @StringLength(max = 60) String before,
                                                @ForAll @StringLength(min = 1, max = 12) String secret,
                                                @ForAll @StringLength(max = 60) String after) {
        String scrubbed = Redaction.scrub(before + secret + after + secret, secret);

        assertThat(scrubbed).doesNotContain(secret);
    }

    @Property
    void aMessageWithoutTheSecretIsKept(@ForAll @StringLength(max = 200) String message) {
        String secret = "\u0000not-in-the-message\u0000";

        assertThat(Redaction.scrub(message, secret)).isEqualTo(message);
    }

    @Test
    void aSecretThatMeetsItsReplacementIsWithheldEntirely() {
        assertThat(Redaction.scrub("xx[", "x[")).isEqualTo(Redaction.WITHHELD);
        assertThat(Redaction.scrub("redacted", "redacted")).isEqualTo(Redaction.WITHHELD);
    }

    @Test
    void aSecretThatOccursInTheNoticeItselfLeavesNoText() {
        assertThat(Redaction.scrub("a[redacted]", "a")).isEmpty();
        assertThat(Redaction.scrub("wrong a", "a")).isEmpty();
    }

    @Test
    void aLongMessageIsBounded() {
        assertThat(Redaction.scrub("y".repeat(5000))).hasSize(1000).endsWith("…");
    }
}
