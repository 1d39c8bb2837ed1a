package org.opensspr.server.siem;

import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditActivity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCodesTest {
    @Test
    void everyActivityHasItsOwnCodeThatFitsAsMsgid() {
        Set<String> codes = new HashSet<>();
        for (AuditActivity activity : AuditActivity.values()) {
            String code = ActivityCodes.of(activity);
            assertThat(Rfc5424.headerField(code, Rfc5424.MSGID_MAX)).isEqualTo(code);
            assertThat(codes.add(code)).as("%s's code %s is unique", activity, code).isTrue();
            assertThat(ActivityCodes.ofStored(activity.entraName())).isEqualTo(code);
        }
        assertThat(codes).doesNotContain(ActivityCodes.OTHER).hasSize(AuditActivity.values().length);
    }

    @Test
    void anActivityThisServerDoesNotKnowIsOther() {
        assertThat(ActivityCodes.ofStored("Something a newer server audits")).isEqualTo("other");
    }

    @Test
    void codesStayAsPublished() {
        // SIEM rules filter on these: changing one breaks them silently.
        assertThat(Arrays.stream(AuditActivity.values()).map(ActivityCodes::of).toList()).startsWith(
                "sspr-policy-change", "sspr-blocked", "password-change", "password-reset-by-admin", "password-reset",
                "sspr-flow-progress", "account-unlock", "sspr-registered");
    }
}
