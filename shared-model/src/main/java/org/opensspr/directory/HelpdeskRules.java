package org.opensspr.directory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.opensspr.directory.Role.AUTHENTICATION_POLICY_ADMINISTRATOR;
import static org.opensspr.directory.Role.GLOBAL_ADMINISTRATOR;
import static org.opensspr.directory.Role.HELPDESK_ADMINISTRATOR;
import static org.opensspr.directory.Role.PASSWORD_ADMINISTRATOR;
import static org.opensspr.directory.Role.REPORTS_READER;
import static org.opensspr.directory.Role.USER_ADMINISTRATOR;

/**
 * Who may act on whom, as Entra's "who can reset passwords" table has it (docs/design.md §16): one of the
 * administrator's roles must both grant the action's permission and reach every role the target holds. A
 * non-administrator is in every acting role's reach; Helpdesk and Password administrators reach each other
 * and Reports readers; User administrators reach those and other User administrators; only Global
 * administrators reach Global and Authentication policy administrators. Pure: the server enforces it, the
 * console shows it.
 */
public final class HelpdeskRules {
    private static final Set<Role> LIMITED = Collections.unmodifiableSet(
            EnumSet.of(HELPDESK_ADMINISTRATOR, PASSWORD_ADMINISTRATOR, REPORTS_READER));
    private static final Map<Role, Set<Role>> REACH = reach();

    private HelpdeskRules() {
    }

    /**
     * May an administrator holding {@code actorRoles} do {@code action} to {@code target}? {@code ownAccount}
     * says whether the target is the administrator themself.
     */
    public static HelpdeskVerdict judge(Set<Role> actorRoles, boolean ownAccount, DirectoryUser target,
                                        HelpdeskAction action) {
        return judge(actorRoles, ownAccount, target.roles(), target.onPremisesProtected(), action);
    }

    public static HelpdeskVerdict judge(Set<Role> actorRoles, boolean ownAccount, Set<Role> targetRoles,
                                        boolean targetProtectedOnPremises, HelpdeskAction action) {
        boolean permitted = actorRoles.stream().anyMatch(role -> role.permissions().contains(action.permission()));
        if (!permitted) {
            return HelpdeskVerdict.ROLE_LACKS_PERMISSION;
        }
        if (ownAccount) {
            return HelpdeskVerdict.OWN_ACCOUNT;
        }
        boolean reached = actorRoles.stream().anyMatch(role -> role.permissions().contains(action.permission())
                && REACH.get(role).containsAll(targetRoles));
        if (!reached) {
            return HelpdeskVerdict.TARGET_TOO_PRIVILEGED;
        }
        if (targetProtectedOnPremises && (action == HelpdeskAction.RESET_PASSWORD || action == HelpdeskAction.UNLOCK)) {
            return HelpdeskVerdict.PROTECTED_ON_PREMISES;
        }
        return HelpdeskVerdict.ALLOWED;
    }

    /** The administrator roles {@code role} may act on (a non-administrator always). */
    public static Set<Role> reachOf(Role role) {
        return REACH.get(role);
    }

    private static Map<Role, Set<Role>> reach() {
        Map<Role, Set<Role>> reach = new EnumMap<>(Role.class);
        reach.put(GLOBAL_ADMINISTRATOR, Collections.unmodifiableSet(EnumSet.allOf(Role.class)));
        Set<Role> userAdministrators = EnumSet.copyOf(LIMITED);
        userAdministrators.add(USER_ADMINISTRATOR);
        reach.put(USER_ADMINISTRATOR, Collections.unmodifiableSet(userAdministrators));
        reach.put(PASSWORD_ADMINISTRATOR, LIMITED);
        reach.put(HELPDESK_ADMINISTRATOR, LIMITED);
        // These two grant no helpdesk permission; their reach is empty so that a future permission can't widen it by accident.
        reach.put(AUTHENTICATION_POLICY_ADMINISTRATOR, Set.of());
        reach.put(REPORTS_READER, Set.of());
        return Collections.unmodifiableMap(reach);
    }
}
