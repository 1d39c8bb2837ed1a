package org.opensspr.kiosk.register;

import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.methods.AuthMethod.Registration;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which kinds of security info this kiosk can set up and prove: all of them. */
final class Kinds {
    static final Set<Registration> AT_THIS_KIOSK = EnumSet.allOf(Registration.class);

    private Kinds() {
    }

    /** What may be added now: offered by the policy, not registered yet, and possible at this kiosk. */
    static List<Registration> addable(SecurityInfoDto info) {
        return info.available().stream()
                .filter(AT_THIS_KIOSK::contains)
                .filter(kind -> info.registered().stream().noneMatch(item -> item.kind() == kind))
                .toList();
    }

    /** Whether a registered method can be set up again here (a new app, another address, new answers). */
    static boolean changeable(SecurityInfoDto info, Registration kind) {
        return AT_THIS_KIOSK.contains(kind) && info.available().contains(kind);
    }

    /** The registered methods that can be proven again at this kiosk, in the order registered. */
    static List<Registration> provable(SecurityInfoDto info) {
        return info.registered().stream().map(RegisteredInfoDto::kind).filter(AT_THIS_KIOSK::contains).distinct().toList();
    }

    /** The masked address or number, for the kinds that have one (an app or questions say nothing more). */
    static boolean showsDisplay(Registration kind) {
        return kind == Registration.EMAIL || kind == Registration.MOBILE_PHONE || kind == Registration.OFFICE_PHONE;
    }
}
