package org.opensspr.api;

import java.util.List;

/**
 * The columns of a CSV file of users to import ({@link ApiPaths#USERS}{@code /import}), in the order the server
 * writes them back in its messages; a file's header names each once, in any order and any case.
 */
public final class ImportColumns {
    public static final List<String> NAMES = List.of("upn", "givenName", "surname", "displayName", "source",
            "enabled", "primaryEmail", "alternateEmail", "mobilePhone", "officePhone", "preferredLanguage", "groups",
            "roles");

    private ImportColumns() {
    }
}
