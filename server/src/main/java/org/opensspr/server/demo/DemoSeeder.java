package org.opensspr.server.demo;

import org.opensspr.directory.Role;
import org.opensspr.server.auth.AdminAccounts;
import org.opensspr.server.auth.AdminEnrollment;
import org.opensspr.server.auth.NewAdministrator;
import org.opensspr.server.db.Database;
import org.opensspr.server.files.OwnerOnlyFiles;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.secinfo.QuestionAnswer;
import org.opensspr.server.secinfo.SecurityAnswers;
import org.opensspr.server.secinfo.UserTotp;
import org.opensspr.server.signin.UserCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Every demo person's lock-screen password. */
    public static final String PEOPLE_PASSWORD = "Kiosk-Demo-Harbour-26";
    /** The Authenticator secret of every demo person who has the app (a demo shortcut). */
    public static final String PEOPLE_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    static final Map<String, String> PEOPLE_ANSWERS = Map.of("FIRST_PET", "Rex", "FAVORITE_FOOD", "Pho",
            "CHILDHOOD_HERO", "Ada Lovelace");

    private final Database database;
    private final AdminAccounts admins;
    private final PolicyService policies;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final UserTotp totp;
    private final SecurityAnswers answers;

    public DemoSeeder(Database database, AdminAccounts admins, PolicyService policies, Clock clock,
                      PasswordHasher hasher, UserTotp totp, SecurityAnswers answers) {
        this.database = database;
        this.admins = admins;
        this.policies = policies;
        this.clock = clock;
        this.hasher = hasher;
        this.totp = totp;
        this.answers = answers;
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
            // It holds passwords: owner-only from the start, not narrowed after the fact.
            byte[] text = (String.join(System.lineSeparator(), lines) + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8);
            OwnerOnlyFiles.publish(OwnerOnlyFiles.writeTemporary(file, text), file);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo sign-in details in " + file, e);
        }
    }

    /** Passwords, Authenticator apps and security answers, so every demo person can walk the kiosk. */
    private void giveSecurityInfo(Map<String, String> userIds, org.opensspr.policy.SsprPolicy policy) {
        String hash = hasher.hash(PEOPLE_PASSWORD);
        List<QuestionAnswer> sampleAnswers = PEOPLE_ANSWERS.entrySet().stream()
                .map(e -> new QuestionAnswer(e.getKey(), e.getValue())).toList();
        database.inTransactionDo(tx -> {
            var directory = new org.opensspr.server.directory.DirectoryRepository();
            for (DemoPerson person : DemoOrganization.people()) {
                String id = userIds.get(person.alias());
                // Registering the secrets stamps them "now"; the people registered days or months ago (some are
                // due to reconfirm), so their registrations keep the dates they were seeded with.
                var seededRegistrations = directory.registrations(tx, id);
                new UserCredentials().setPassword(tx, id, hash, false, clock.instant());
                if (person.locked()) {
                    tx.update(DIRECTORY_USER).set(DIRECTORY_USER.LOCKED, true).where(DIRECTORY_USER.ID.eq(id)).execute();
                }
                if (person.registered().contains(AuthMethod.Registration.AUTHENTICATOR_APP)) {
                    totp.registerWithSecret(tx, id, PEOPLE_TOTP_SECRET);
                }
                if (person.registered().contains(AuthMethod.Registration.SECURITY_QUESTIONS) && person.roles().isEmpty()) {
                    answers.register(tx, id, sampleAnswers, policy.methods().securityQuestions());
                }
                seededRegistrations.forEach(registration -> directory.putRegistration(tx, id, registration));
            }
        });
    }

    private List<String> seed() {
        DemoOrganization.Seeded seeded = database.inTransaction(tx -> DemoOrganization.insert(tx, clock.instant()));
        Map<String, String> groupIds = seeded.groupIds();
        int version = policies.update(policies.current().version(),
                DemoOrganization.policy(groupIds.get(DemoOrganization.PILOT)), "demo-seed").version();
        giveSecurityInfo(seeded.userIds(), policies.currentPolicy());
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
        lines.add("At the kiosk every person's password is " + PEOPLE_PASSWORD + "; Authenticator codes:"
                + " oathtool --totp -b " + PEOPLE_TOTP_SECRET + "; security answers: pet Rex, food Pho,"
                + " hero Ada Lovelace; email codes land in the outbox (" + "data directory/outbox).");
        lines.add("The people and what each one shows at the kiosk:");
        lines.addAll(DemoOrganization.describe());
        return lines;
    }
}
