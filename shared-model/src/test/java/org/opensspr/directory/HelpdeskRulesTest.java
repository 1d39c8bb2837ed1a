package org.opensspr.directory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HelpdeskRulesTest {

    /**
     * Every acting role × every action × every target (a non-administrator, then each role): A allowed,
     * P the role lacks the permission, T the target is beyond the role's reach. Written out by hand from
     * docs/design.md §16, not derived from the code.
     */
    private static final String TABLE = """
            actor                               action                         none GA AP UA PA HA RR
            GLOBAL_ADMINISTRATOR                RESET_PASSWORD                 A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                UNLOCK                         A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                ISSUE_TEMPORARY_ACCESS_PASS    A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                REVOKE_TEMPORARY_ACCESS_PASS   A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                REQUIRE_REREGISTRATION         A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                DELETE_METHOD                  A    A  A  A  A  A  A
            GLOBAL_ADMINISTRATOR                PREFILL_CONTACT                A    A  A  A  A  A  A
            AUTHENTICATION_POLICY_ADMINISTRATOR RESET_PASSWORD                 P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR UNLOCK                         P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR ISSUE_TEMPORARY_ACCESS_PASS    P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR REVOKE_TEMPORARY_ACCESS_PASS   P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR REQUIRE_REREGISTRATION         P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR DELETE_METHOD                  P    P  P  P  P  P  P
            AUTHENTICATION_POLICY_ADMINISTRATOR PREFILL_CONTACT                P    P  P  P  P  P  P
            USER_ADMINISTRATOR                  RESET_PASSWORD                 A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  UNLOCK                         A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  ISSUE_TEMPORARY_ACCESS_PASS    A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  REVOKE_TEMPORARY_ACCESS_PASS   A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  REQUIRE_REREGISTRATION         A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  DELETE_METHOD                  A    T  T  A  A  A  A
            USER_ADMINISTRATOR                  PREFILL_CONTACT                A    T  T  A  A  A  A
            PASSWORD_ADMINISTRATOR              RESET_PASSWORD                 A    T  T  T  A  A  A
            PASSWORD_ADMINISTRATOR              UNLOCK                         A    T  T  T  A  A  A
            PASSWORD_ADMINISTRATOR              ISSUE_TEMPORARY_ACCESS_PASS    A    T  T  T  A  A  A
            PASSWORD_ADMINISTRATOR              REVOKE_TEMPORARY_ACCESS_PASS   A    T  T  T  A  A  A
            PASSWORD_ADMINISTRATOR              REQUIRE_REREGISTRATION         P    P  P  P  P  P  P
            PASSWORD_ADMINISTRATOR              DELETE_METHOD                  P    P  P  P  P  P  P
            PASSWORD_ADMINISTRATOR              PREFILL_CONTACT                P    P  P  P  P  P  P
            HELPDESK_ADMINISTRATOR              RESET_PASSWORD                 A    T  T  T  A  A  A
            HELPDESK_ADMINISTRATOR              UNLOCK                         A    T  T  T  A  A  A
            HELPDESK_ADMINISTRATOR              ISSUE_TEMPORARY_ACCESS_PASS    A    T  T  T  A  A  A
            HELPDESK_ADMINISTRATOR              REVOKE_TEMPORARY_ACCESS_PASS   A    T  T  T  A  A  A
            HELPDESK_ADMINISTRATOR              REQUIRE_REREGISTRATION         P    P  P  P  P  P  P
            HELPDESK_ADMINISTRATOR              DELETE_METHOD                  P    P  P  P  P  P  P
            HELPDESK_ADMINISTRATOR              PREFILL_CONTACT                P    P  P  P  P  P  P
            REPORTS_READER                      RESET_PASSWORD                 P    P  P  P  P  P  P
            REPORTS_READER                      UNLOCK                         P    P  P  P  P  P  P
            REPORTS_READER                      ISSUE_TEMPORARY_ACCESS_PASS    P    P  P  P  P  P  P
            REPORTS_READER                      REVOKE_TEMPORARY_ACCESS_PASS   P    P  P  P  P  P  P
            REPORTS_READER                      REQUIRE_REREGISTRATION         P    P  P  P  P  P  P
            REPORTS_READER                      DELETE_METHOD                  P    P  P  P  P  P  P
            REPORTS_READER                      PREFILL_CONTACT                P    P  P  P  P  P  P
            """;
    private static final List<Set<Role>> TARGETS = List.of(Set.of(), Set.of(Role.GLOBAL_ADMINISTRATOR),
            Set.of(Role.AUTHENTICATION_POLICY_ADMINISTRATOR), Set.of(Role.USER_ADMINISTRATOR),
            Set.of(Role.PASSWORD_ADMINISTRATOR), Set.of(Role.HELPDESK_ADMINISTRATOR), Set.of(Role.REPORTS_READER));

    @Test
    void everyRoleOnEveryTargetForEveryActionIsAsTheTableSays() {
        List<String> rows = TABLE.lines().skip(1).toList();
        List<String> mismatches = new ArrayList<>();
        Set<String> covered = new java.util.HashSet<>();
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            Role actor = Role.valueOf(cells[0]);
            HelpdeskAction action = HelpdeskAction.valueOf(cells[1]);
            covered.add(actor + "/" + action);
            for (int t = 0; t < TARGETS.size(); t++) {
                HelpdeskVerdict expected = switch (cells[2 + t]) {
                    case "A" -> HelpdeskVerdict.ALLOWED;
                    case "P" -> HelpdeskVerdict.ROLE_LACKS_PERMISSION;
                    case "T" -> HelpdeskVerdict.TARGET_TOO_PRIVILEGED;
                    default -> throw new IllegalArgumentException(cells[2 + t]);
                };
                HelpdeskVerdict actual = HelpdeskRules.judge(Set.of(actor), false, TARGETS.get(t), false, action);
                if (actual != expected) {
                    mismatches.add(actor + " " + action + " on " + TARGETS.get(t) + ": " + actual + ", expected " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(covered).hasSize(Role.values().length * HelpdeskAction.values().length);
    }

    @Test
    void roleUnionsDoNotWidenReach() {
        // The Authentication policy administrator's reach is nobody; adding it to a Helpdesk administrator
        // must not let the pair reach a User administrator through one role's permission and the other's reach.
        assertThat(HelpdeskRules.judge(EnumSet.of(Role.HELPDESK_ADMINISTRATOR, Role.AUTHENTICATION_POLICY_ADMINISTRATOR),
                false, Set.of(Role.USER_ADMINISTRATOR), false, HelpdeskAction.RESET_PASSWORD))
                .isEqualTo(HelpdeskVerdict.TARGET_TOO_PRIVILEGED);
        // Nor does a User administrator's reach lend itself to a Helpdesk administrator's missing MANAGE_USERS.
        assertThat(HelpdeskRules.judge(EnumSet.of(Role.HELPDESK_ADMINISTRATOR, Role.USER_ADMINISTRATOR), false,
                Set.of(Role.USER_ADMINISTRATOR), false, HelpdeskAction.DELETE_METHOD)).isEqualTo(HelpdeskVerdict.ALLOWED);
        assertThat(HelpdeskRules.judge(EnumSet.of(Role.HELPDESK_ADMINISTRATOR, Role.REPORTS_READER), false,
                Set.of(Role.USER_ADMINISTRATOR), false, HelpdeskAction.UNLOCK)).isEqualTo(HelpdeskVerdict.TARGET_TOO_PRIVILEGED);
    }

    @Test
    void aTargetWithSeveralRolesMustBeReachedInAll() {
        assertThat(HelpdeskRules.judge(Set.of(Role.HELPDESK_ADMINISTRATOR), false,
                EnumSet.of(Role.PASSWORD_ADMINISTRATOR, Role.USER_ADMINISTRATOR), false, HelpdeskAction.RESET_PASSWORD))
                .isEqualTo(HelpdeskVerdict.TARGET_TOO_PRIVILEGED);
        assertThat(HelpdeskRules.judge(Set.of(Role.USER_ADMINISTRATOR), false,
                EnumSet.of(Role.PASSWORD_ADMINISTRATOR, Role.USER_ADMINISTRATOR), false, HelpdeskAction.RESET_PASSWORD))
                .isEqualTo(HelpdeskVerdict.ALLOWED);
    }

    @Test
    void administratorsDoNotActOnTheirOwnAccountButLackingThePermissionIsSaidFirst() {
        for (HelpdeskAction action : HelpdeskAction.values()) {
            assertThat(HelpdeskRules.judge(Set.of(Role.GLOBAL_ADMINISTRATOR), true, Set.of(Role.GLOBAL_ADMINISTRATOR),
                    false, action)).isEqualTo(HelpdeskVerdict.OWN_ACCOUNT);
        }
        assertThat(HelpdeskRules.judge(Set.of(Role.REPORTS_READER), true, Set.of(Role.REPORTS_READER), false,
                HelpdeskAction.UNLOCK)).isEqualTo(HelpdeskVerdict.ROLE_LACKS_PERMISSION);
    }

    @Test
    void protectedOnPremisesAccountsAreNeverResetOrUnlockedButMayGetAPassOrContactData() {
        for (HelpdeskAction action : HelpdeskAction.values()) {
            boolean refused = action == HelpdeskAction.RESET_PASSWORD || action == HelpdeskAction.UNLOCK;
            assertThat(HelpdeskRules.judge(Set.of(Role.GLOBAL_ADMINISTRATOR), false, Set.of(), true, action))
                    .as(action.name())
                    .isEqualTo(refused ? HelpdeskVerdict.PROTECTED_ON_PREMISES : HelpdeskVerdict.ALLOWED);
        }
        // Beyond reach is said before protection: the console shouldn't hint at an account it can't touch.
        assertThat(HelpdeskRules.judge(Set.of(Role.HELPDESK_ADMINISTRATOR), false, Set.of(Role.GLOBAL_ADMINISTRATOR),
                true, HelpdeskAction.RESET_PASSWORD)).isEqualTo(HelpdeskVerdict.TARGET_TOO_PRIVILEGED);
    }
}
