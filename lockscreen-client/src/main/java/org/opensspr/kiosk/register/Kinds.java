package org.opensspr.kiosk.register;

import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.methods.AuthMethod.Registration;

import java.util.List;

/** Which kinds of security info may be added, changed or proven again: the kiosk can do each, the server says which. */
final class Kinds {

    private Kinds() {
    }

    /** What may be added now: offered by the policy (as the server says), not registered yet. */
    static List<Registration> addable(SecurityInfoDto info) {
        return info.available().stream()
                .filter(kind -> info.registered().stream().noneMatch(item -> item.kind() == kind))
                .toList();
    }

    /** Whether a registered method can be set up again here (a new app, another address, new answers). */
    static boolean changeable(SecurityInfoDto info, Registration kind) {
        return info.available().contains(kind);
    }

    /** The registered methods to offer for proving again, in the order registered. */
    static List<Registration> provable(SecurityInfoDto info) {
        return info.registered().stream().map(RegisteredInfoDto::kind).distinct().toList();
    }

    /** The masked address or number, for the kinds that have one (an app or questions say nothing more). */
    static boolean showsDisplay(Registration kind) {
        return kind == Registration.EMAIL || kind == Registration.MOBILE_PHONE || kind == Registration.OFFICE_PHONE;
    }
}
