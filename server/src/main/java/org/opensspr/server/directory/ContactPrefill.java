package org.opensspr.server.directory;

import org.jooq.DSLContext;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.methods.AuthMethod.Registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Contact data an administrator sets counts as registered (docs/design.md §4): the alternate email registers
 * EMAIL, the mobile phone MOBILE_PHONE and the office phone OFFICE_PHONE, with source ADMIN_PREFILL.
 * Clearing the value removes the registration, whoever made it, since nothing backs it any more.
 */
public final class ContactPrefill {
    private enum Backing {
        EMAIL(Registration.EMAIL, ContactInfo::alternateEmail, true),
        MOBILE(Registration.MOBILE_PHONE, ContactInfo::mobilePhone, false),
        OFFICE(Registration.OFFICE_PHONE, ContactInfo::officePhone, false);

        final Registration kind;
        final Function<ContactInfo, String> value;
        final boolean ignoreCase;

        Backing(Registration kind, Function<ContactInfo, String> value, boolean ignoreCase) {
            this.kind = kind;
            this.value = value;
            this.ignoreCase = ignoreCase;
        }

        boolean same(String a, String b) {
            return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
        }
    }

    private ContactPrefill() {
    }

    /** The registrations a new user's contact data gives. */
    public static List<MethodRegistration> forNewUser(ContactInfo contact, Instant now) {
        List<MethodRegistration> registrations = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            if (!backing.value.apply(contact).isEmpty()) {
                registrations.add(prefilled(backing.kind, now));
            }
        }
        return registrations;
    }

    /**
     * Brings the user's registrations in line with a contact change: a new or changed value is
     * (re-)registered now; an unchanged value keeps its registration (or gets one if it had none).
     */
    public static void apply(DSLContext tx, DirectoryRepository users, String userId, ContactInfo before, ContactInfo after,
                      Instant now) {
        Set<Registration> registered = EnumSet.noneOf(Registration.class);
        users.registrations(tx, userId).forEach(r -> registered.add(r.kind()));
        for (Backing backing : Backing.values()) {
            String old = backing.value.apply(before);
            String value = backing.value.apply(after);
            if (value.isEmpty()) {
                if (registered.contains(backing.kind)) {
                    users.deleteRegistration(tx, userId, backing.kind);
                }
            } else if (!backing.same(old, value) || !registered.contains(backing.kind)) {
                users.putRegistration(tx, userId, prefilled(backing.kind, now));
            }
        }
    }

    private static MethodRegistration prefilled(Registration kind, Instant now) {
        return new MethodRegistration(kind, now, RegistrationSource.ADMIN_PREFILL, Set.of());
    }
}
