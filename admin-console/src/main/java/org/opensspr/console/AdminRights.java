package org.opensspr.console;

import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the signed-in administrator may do, from the roles the server named. The console uses it only to
 * show controls read-only with the reason; the server checks every call itself.
 */
public record AdminRights(Set<Role> roles) {

    public AdminRights {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Role names as the server spells them; names this console doesn't know grant nothing here. */
    public static AdminRights fromRoleNames(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(name)) {
                    roles.add(role);
                }
            }
        }
        return new AdminRights(roles);
    }

    public boolean may(Permission permission) {
        return Role.permissionsOf(roles).contains(permission);
    }
}
