package org.opensspr.server.audit;

import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.api.AuditActivity;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The activities are exactly Entra's (docs/design.md §15), as the API writes and reads them. */
class AuditActivityTest {

    @Test
    void namesAreExactlyEntrasList() {
        assertThat(Arrays.stream(AuditActivity.values()).map(AuditActivity::entraName)).containsExactly(
                "Self-service password reset policy changes",
                "Blocked from self-service password reset",
                "Change password (self-service)",
                "Reset password (by admin)",
                "Reset password (self-service)",
                "Self-service password reset flow activity progress",
                "Unlock user account (self-service)",
                "User registered for self-service password reset",
                // Entra's combined security-info registration activities
                "User started security info registration",
                "User registered security info",
                "User deleted security info",
                "User reviewed security info",
                "User canceled security info registration",
                // The helpdesk's: Entra's admin security-info names; unlock and the pass's use and end are ours
                "Unlock user account (by admin)",
                "Admin registered security info",
                "Admin deleted security info",
                "User signed in with a Temporary Access Pass",
                "Temporary Access Pass ended",
                // Ours: the embedded default's outbox holds live codes, so who read it is kept
                "Administrator read the outbox",
                // Ours: an export carries the whole log out, so who took it and which part is kept
                "Administrator exported the audit log",
                // Directory changes: Entra's "Core Directory" names; the bulk import, directory sync and kiosks are ours
                "Add user", "Update user", "Delete user", "Add member to role", "Remove member from role",
                "Add group", "Update group", "Delete group", "Add member to group", "Remove member from group",
                "Bulk import users", "Directory sync", "Add kiosk", "Revoke kiosk");
    }

    @Test
    void everyEntraNameReadsBack() {
        for (AuditActivity activity : AuditActivity.values()) {
            assertThat(AuditActivity.fromEntraName(activity.entraName())).contains(activity);
        }
        assertThat(AuditActivity.fromEntraName("reset password (by admin)")).isEmpty();
    }

    @Test
    void theJsonCarriesEntrasWording() throws Exception {
        assertThat(Json.newMapper().writeValueAsString(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE))
                .isEqualTo("\"Unlock user account (self-service)\"");
        assertThat(Json.newMapper().readValue("\"Blocked from self-service password reset\"", AuditActivity.class))
                .isEqualTo(AuditActivity.BLOCKED_FROM_SSPR);
    }
}
