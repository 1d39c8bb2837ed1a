package org.opensspr.server.demo;

import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;

import java.util.List;
import java.util.Set;

/**
 * One person of the demo organization and the case they show (seed 000's test table, docs/design.md §8).
 *
 * @param groups       names of the groups the person is a direct member of
 * @param registered   security info on file; contact kinds get sample contact data
 * @param shows        the case this person demonstrates, printed with the sign-in details
 */
record DemoPerson(String alias, String givenName, String surname, boolean onPremises, boolean protectedOnPremises,
                  boolean enabled, boolean locked, String language, Set<Role> roles, List<String> groups,
                  Set<AuthMethod.Registration> registered, String shows) {

    String userPrincipalName() {
        return alias + "@" + DemoOrganization.DOMAIN;
    }
}
