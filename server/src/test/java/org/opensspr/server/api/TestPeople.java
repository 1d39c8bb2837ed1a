package org.opensspr.server.api;

import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.signin.UserCredentials;

/** Creates end users with a password on an in-process server. */
public final class TestPeople {
    private static final PasswordHasher HASHER = PasswordHasher.owasp();

    private TestPeople() {
    }

    public static UserDetailDto cloudUser(InProcessServer server, String upn, String password, boolean mustChange) {
        UserDetailDto user = server.server().directory().createUser(DirectoryActor.system("test"),
                new UserWriteRequest(upn, "Ann", "Example", "Ann Example", UserSource.CLOUD, true, false,
                        upn, "en-US"));
        String hash = HASHER.hash(password);
        server.server().database().inTransactionDo(tx -> new UserCredentials()
                .setPassword(tx, user.id(), hash, mustChange, server.server().clock().instant()));
        return user;
    }
}
