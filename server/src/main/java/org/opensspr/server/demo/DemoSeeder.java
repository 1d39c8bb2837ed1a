package org.opensspr.server.demo;

import org.opensspr.directory.Role;
import org.opensspr.server.auth.AdminAccounts;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.auth.NewAdministrator;
import org.opensspr.server.db.Database;
import org.opensspr.server.policy.PolicyService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/**
 * Seeds the demo organization into an empty directory on first start and keeps its sign-in details
 * in {@code demo-sign-in.txt} (0600) in the data directory, so every later demo start can show them.
 */
public final class DemoSeeder {
    public static final String ADMIN_UPN = "admin@" + DemoOrganization.DOMAIN;
    /** A demo credential on purpose: printed, and only ever seeded into a demo data directory. */
    public static final String ADMIN_PASSWORD = "Harbour-Lantern-Demo-2026";
    static final String FILE = "demo-sign-in.txt";

    private final Database database;
    private final AdminAccounts admins;
    private final PolicyService policies;
    private final Clock clock;

    public DemoSeeder(Database database, AdminAccounts admins, PolicyService policies, Clock clock) {
        this.database = database;
        this.admins = admins;
        this.policies = policies;
        this.clock = clock;
    }

    /** Seeds when the directory is empty; returns the sign-in details to print. */
    public List<String> seedIfEmpty(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (database.dsl().fetchCount(DIRECTORY_USER) > 0) {
                if (Files.exists(file)) {
                    return Files.readAllLines(file, StandardCharsets.UTF_8);
                }
                return List.of("The directory is not empty, so no demo organization was seeded.",
                        "Start the demo with an empty --data directory to get one.");
            }
            List<String> lines = seed();
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo sign-in details in " + file, e);
        }
    }

    private List<String> seed() {
        Map<String, String> groupIds = database.inTransaction(tx -> DemoOrganization.insert(tx, clock.instant()));
        int version = policies.update(policies.current().version(),
                DemoOrganization.policy(groupIds.get(DemoOrganization.PILOT)), "demo-seed").version();
        AdminEnrollment admin = admins.create(new NewAdministrator(ADMIN_UPN, "Contoso Administrator", "Contoso",
                "Administrator", ADMIN_PASSWORD, Set.of(Role.GLOBAL_ADMINISTRATOR)));
        List<String> lines = new ArrayList<>();
        lines.add("Demo organization \"Contoso\": " + DemoOrganization.people().size() + " people, "
                + groupIds.size() + " groups, pilot policy version " + version + ".");
        lines.add("Sign in to the admin console as:");
        lines.add("  user:      " + admin.userPrincipalName());
        lines.add("  password:  " + ADMIN_PASSWORD);
        lines.add("  code:      oathtool --totp -b " + admin.base32Secret() + "   (or add the URI below to an authenticator app)");
        lines.add("  app URI:   " + admin.otpauthUri());
        lines.add("The people and what each one shows at the kiosk:");
        lines.addAll(DemoOrganization.describe());
        return lines;
    }
}
