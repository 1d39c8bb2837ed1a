package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.UserRow;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Users for the security-info tests, written through the directory's repository. */
final class SecInfoFixtures {
    static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");
    /** Argon2id at a toy cost: the tests check behaviour, not hashing strength. */
    static final PasswordHasher CHEAP_HASHER = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1, 16, 32),
            new SecureRandom());

    private SecInfoFixtures() {
    }

    static void addUser(DSLContext dsl, String id) {
        String upn = id + "@contoso.example";
        new DirectoryRepository().insertUser(dsl, new UserRow(id, upn, "", "", upn, UserSource.CLOUD, true, false,
                ContactInfo.none(), "", false, T0, T0));
    }

    static void addAdmin(DSLContext dsl, String id, Role role) {
        addUser(dsl, id);
        makeAdmin(dsl, id, role);
    }

    static void makeAdmin(DSLContext dsl, String id, Role role) {
        new DirectoryRepository().insertRoles(dsl, Map.of(id, Set.of(role)));
    }
}
