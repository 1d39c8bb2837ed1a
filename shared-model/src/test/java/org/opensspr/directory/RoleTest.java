package org.opensspr.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(textBlock = """
            GLOBAL_ADMINISTRATOR,                MANAGE_POLICY,            true
            GLOBAL_ADMINISTRATOR,                RESET_ADMIN_PASSWORD,     true
            AUTHENTICATION_POLICY_ADMINISTRATOR, MANAGE_POLICY,            true
            AUTHENTICATION_POLICY_ADMINISTRATOR, RESET_NON_ADMIN_PASSWORD, false
            AUTHENTICATION_POLICY_ADMINISTRATOR, READ_DIRECTORY,           true
            USER_ADMINISTRATOR,                  MANAGE_USERS,             true
            USER_ADMINISTRATOR,                  RESET_NON_ADMIN_PASSWORD, true
            USER_ADMINISTRATOR,                  RESET_ADMIN_PASSWORD,     false
            USER_ADMINISTRATOR,                  MANAGE_POLICY,            false
            PASSWORD_ADMINISTRATOR,              RESET_NON_ADMIN_PASSWORD, true
            PASSWORD_ADMINISTRATOR,              ISSUE_TEMPORARY_ACCESS_PASS, true
            PASSWORD_ADMINISTRATOR,              MANAGE_USERS,             false
            HELPDESK_ADMINISTRATOR,              UNLOCK_NON_ADMIN,         true
            HELPDESK_ADMINISTRATOR,              MANAGE_POLICY,            false
            REPORTS_READER,                      READ_AUDIT,               true
            REPORTS_READER,                      READ_INSIGHTS,            true
            REPORTS_READER,                      READ_DIRECTORY,           false
            REPORTS_READER,                      RESET_NON_ADMIN_PASSWORD, false
            GLOBAL_ADMINISTRATOR,                READ_OUTBOX,              true
            AUTHENTICATION_POLICY_ADMINISTRATOR, READ_OUTBOX,              false
            USER_ADMINISTRATOR,                  READ_OUTBOX,              false
            PASSWORD_ADMINISTRATOR,              READ_OUTBOX,              false
            HELPDESK_ADMINISTRATOR,              READ_OUTBOX,              false
            REPORTS_READER,                      READ_OUTBOX,              false
            """)
    void rolesGrantWhatDesignSection2Says(Role role, Permission permission, boolean granted) {
        assertThat(role.permissions().contains(permission)).isEqualTo(granted);
    }

    @org.junit.jupiter.api.Test
    void permissionsOfSeveralRolesAreTheirUnion() {
        assertThat(Role.permissionsOf(List.of(Role.REPORTS_READER, Role.HELPDESK_ADMINISTRATOR)))
                .contains(Permission.READ_AUDIT, Permission.UNLOCK_NON_ADMIN)
                .doesNotContain(Permission.MANAGE_POLICY);
        assertThat(Role.permissionsOf(List.of(Role.GLOBAL_ADMINISTRATOR))).isEqualTo(EnumSet.allOf(Permission.class));
    }
}
