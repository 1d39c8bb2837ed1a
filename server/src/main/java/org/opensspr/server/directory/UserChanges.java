package org.opensspr.server.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which properties an update changed, for its audit entry: names only, except a changed UPN (who it was). */
final class UserChanges {
    private UserChanges() {
    }

    static String between(UserRow before, UserRow after) {
        List<String> changed = new ArrayList<>();
        if (!before.userPrincipalName().equals(after.userPrincipalName())) {
            changed.add("userPrincipalName (was " + before.userPrincipalName() + ")");
        }
        add(changed, "givenName", before.givenName(), after.givenName());
        add(changed, "surname", before.surname(), after.surname());
        add(changed, "displayName", before.displayName(), after.displayName());
        add(changed, "enabled", before.enabled(), after.enabled());
        add(changed, "primaryEmail", before.contact().primaryEmail(), after.contact().primaryEmail());
        add(changed, "preferredLanguage", before.preferredLanguage(), after.preferredLanguage());
        add(changed, "onPremisesProtected", before.onPremisesProtected(), after.onPremisesProtected());
        return changed.isEmpty() ? "nothing changed" : "changed: " + String.join(", ", changed);
    }

    private static void add(List<String> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }
}
