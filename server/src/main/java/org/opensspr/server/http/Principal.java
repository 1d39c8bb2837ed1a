package org.opensspr.server.http;

import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;

import java.util.Set;

/** Who sent a request: nobody yet, a signed-in administrator, or an enrolled kiosk. */
public sealed interface Principal {

    Anonymous ANONYMOUS = new Anonymous();

    record Anonymous() implements Principal {
    }

    /** A signed-in administrator; {@code sessionKey} identifies the session (a hash, never the token). */
    record Admin(String userId, String userPrincipalName, Set<Role> roles, String sessionKey) implements Principal {
        public Admin {
            roles = Set.copyOf(roles);
        }

        public boolean may(Permission permission) {
            return Role.permissionsOf(roles).contains(permission);
        }
    }

    record Kiosk(String kioskId, String name) implements Principal {
    }
}
