package org.opensspr.server.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailMessageTest {

    @ParameterizedTest(name = "[{index}] to=''{0}'' subject=''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                     | Subject
            '   '                                  | Subject
            'ana@example.org\\r\\nBcc: x@example.org' | Subject
            ana@example.org                        | 'Subject\\nBcc: x@example.org'
            ana@example.org                        | 'Subject\\rX-Header: 1'
            """)
    void refusesBlankRecipientsAndHeaderInjection(String to, String subject) {
        String realTo = to.replace("\\r", "\r").replace("\\n", "\n");
        String realSubject = subject.replace("\\r", "\r").replace("\\n", "\n");

        assertThatThrownBy(() -> new EmailMessage(realTo, realSubject, "body"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatTheOutboxColumnsCannotHold() {
        assertThatThrownBy(() -> new EmailMessage("a".repeat(321), "s", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "s".repeat(513), "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "s", "b".repeat(100_001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTextFormLeavesOutTheBodyWhichMayHoldACode() {
        EmailMessage message = new EmailMessage(" ana@example.org ", "Your code", "Your code is 12345678");

        assertThat(message.to()).isEqualTo("ana@example.org");
        assertThat(message.toString()).contains("ana@example.org").contains("Your code").doesNotContain("12345678");
    }
}
