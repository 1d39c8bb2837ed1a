package org.opensspr.server.directory;

import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who changes the directory and what they may do: a signed-in administrator, or the server itself
 * (the CLI's import, seeding) with every permission.
 */
public record DirectoryActor(String name, Set<Permission> permissions) {
    public DirectoryActor {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static DirectoryActor of(Principal.Admin admin) {
        return new DirectoryActor(admin.userPrincipalName(), Role.permissionsOf(admin.roles()));
    }

    public static DirectoryActor system(String name) {
        return new DirectoryActor(name, EnumSet.allOf(Permission.class));
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Refuses with FORBIDDEN unless the actor has the permission; {@code why} says what needed it. */
    public void require(Permission permission, String why) {
        if (!may(permission)) {
            throw new ApiException(ErrorCode.FORBIDDEN, why + " Your role doesn't allow that ("
                    + permission.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").");
        }
    }
}
