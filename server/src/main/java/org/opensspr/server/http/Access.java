package org.opensspr.server.http;

import org.opensspr.directory.Permission;

/** Who may call a route; checked before the body is even read. */
public sealed interface Access {

    Access PUBLIC = new Public();
    Access ANY_ADMIN = new AnyAdmin();
    Access KIOSK = new KioskDevice();
    /** The lock screen's self-service: no sign-in, an enrolled kiosk's credential if it has one; kiosk networks apply. */
    Access SELF_SERVICE = new SelfService();

    static Access admin(Permission permission) {
        return new AdminWith(permission);
    }

    record Public() implements Access {
    }

    record AnyAdmin() implements Access {
    }

    record AdminWith(Permission permission) implements Access {
    }

    record KioskDevice() implements Access {
    }

    record SelfService() implements Access {
    }
}
