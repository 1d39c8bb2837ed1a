package org.opensspr.server.auth;

import org.jooq.exception.IntegrityConstraintViolationException;
import org.opensspr.api.ErrorCode;
import org.opensspr.password.PasswordOwner;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates administrators: a cloud {@code directory_user}, its roles and its {@code admin_credential}
 * (Argon2id password hash, sealed TOTP seed), all in one transaction. The authenticator secret is
 * handed back once for enrollment and afterwards exists only sealed.
 */
public final class AdminAccounts {
    /** The TOTP issuer shown in authenticator apps. */
    public static final String ISSUER = "OpenSSPR";
    /** The SecretBox purpose of {@code admin_credential.totp_secret}. */
    static final String TOTP_SECRET_PURPOSE = "admin_credential.totp_secret";

    private final Database database;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SecretBox secrets;
    private final AdminPasswordRules passwordRules;
    private final Totp totp;
    private final AdminAccountRepository accounts = new AdminAccountRepository();

    public AdminAccounts(Database database, Clock clock, PasswordHasher hasher, SecretBox secrets,
                         AdminPasswordRules passwordRules, Totp totp) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.passwordRules = Objects.requireNonNull(passwordRules, "passwordRules");
        this.totp = Objects.requireNonNull(totp, "totp");
    }

    /**
     * Creates the administrator.
     *
     * @throws ApiException               INVALID_VALUE for a malformed UPN or no roles, CONFLICT when the
     *                                    UPN is taken (ignoring case)
     * @throws PasswordRejectedException  when the password breaks the cloud password rules
     */
    public AdminEnrollment create(NewAdministrator admin) {
        Objects.requireNonNull(admin, "admin");
        admin.validate();
        passwordRules.check(admin.password(), new PasswordOwner(admin.givenName(), admin.surname(), ""),
                candidate -> false);
        if (accounts.upnTaken(database.dsl(), admin.upnKey())) {
            throw taken(admin);
        }
        String passwordHash = hasher.hash(admin.password());
        byte[] seed = totp.newSecret();
        String sealedSeed = secrets.seal(seed, TOTP_SECRET_PURPOSE);
        String userId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            database.inTransactionDo(tx -> {
                if (accounts.upnTaken(tx, admin.upnKey())) {
                    throw taken(admin);
                }
                accounts.insertUser(tx, userId, admin, now);
                accounts.insertRoles(tx, userId, admin.roles());
                accounts.insertCredential(tx, userId, passwordHash, sealedSeed, now);
            });
        } catch (IntegrityConstraintViolationException raced) {
            throw taken(admin); // created by someone else between the check and the insert
        }
        return new AdminEnrollment(userId, admin.userPrincipalName(),
                Totp.otpauthUri(ISSUER, admin.userPrincipalName(), seed), Base32.encode(seed));
    }

    private static ApiException taken(NewAdministrator admin) {
        return ApiException.field(ErrorCode.CONFLICT, "userPrincipalName",
                "A user named " + admin.userPrincipalName() + " already exists.");
    }
}
