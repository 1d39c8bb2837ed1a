package org.opensspr.server.writeback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's words for a writeback's outcome: the same for the kiosk's reset and the helpdesk's, and never the directory's own. */
class WritebackResultTest {

    @Test
    void eachOutcomeHasOneAuditReasonThatNeverQuotesTheDirectory() {
        String directorySays = "0000052D: Constraint violation for CN=Adele Vance,OU=Staff";

        assertThat(new WritebackResult.RejectedByPolicy(directorySays).auditReason())
                .isEqualTo("rejected by the on-premises directory").doesNotContain("Adele");
        assertThat(WritebackResult.NOT_FOUND.auditReason()).isEqualTo("account not found in the on-premises directory");
        assertThat(new WritebackResult.Unavailable(directorySays).auditReason())
                .isEqualTo("on-premises directory unreachable");
        assertThat(new WritebackResult.Unavailable(directorySays, true).auditReason())
                .isEqualTo("on-premises directory outcome unknown");
        assertThat(WritebackResult.DONE.auditReason()).isEmpty();
    }
}
