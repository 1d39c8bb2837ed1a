package org.opensspr.server.auth;

import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Role;
import org.opensspr.password.PasswordViolation;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.db.tables.records.AdminCredentialRecord;
import org.opensspr.server.db.tables.records.DirectoryUserRecord;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.opensspr.server.db.Tables.ADMIN_CREDENTIAL;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.USER_ROLE;

class AdminAccountsTest {

    @OnBothDatabases
    void createsUserRolesAndCredentialTogether(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment enrollment = f.createAdmin("Ada.Admin@Contoso.com", Role.GLOBAL_ADMINISTRATOR,
                    Role.REPORTS_READER);

            DirectoryUserRecord user = f.db.dsl().selectFrom(DIRECTORY_USER).fetchSingle();
            assertThat(user.getId()).isEqualTo(enrollment.userId());
            assertThat(user.getUpn()).isEqualTo("Ada.Admin@Contoso.com");
            assertThat(user.getUpnKey()).isEqualTo("ada.admin@contoso.com");
            assertThat(user.getSource()).isEqualTo("CLOUD");
            assertThat(user.getEnabled()).isTrue();
            assertThat(f.db.dsl().select(USER_ROLE.ROLE).from(USER_ROLE).fetch(USER_ROLE.ROLE))
                    .containsExactlyInAnyOrder("GLOBAL_ADMINISTRATOR", "REPORTS_READER");

            AdminCredentialRecord credential = f.db.dsl().selectFrom(ADMIN_CREDENTIAL).fetchSingle();
            assertThat(credential.getPasswordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(f.hasher.verify(AuthFixture.PASSWORD, credential.getPasswordHash())).isTrue();
            assertThat(credential.getTotpSecret()).doesNotContain(enrollment.base32Secret());
            assertThat(Base32.encode(f.secrets.open(credential.getTotpSecret(), AdminAccounts.TOTP_SECRET_PURPOSE)))
                    .isEqualTo(enrollment.base32Secret());
            assertThat(credential.getTotpLastStep()).isZero();

            assertThat(enrollment.base32Secret()).matches("[A-Z2-7]{32}");
            assertThat(enrollment.otpauthUri()).isEqualTo("otpauth://totp/OpenSSPR:Ada.Admin%40Contoso.com?secret="
                    + enrollment.base32Secret() + "&issuer=OpenSSPR&algorithm=SHA1&digits=6&period=30");
            assertThat(enrollment.toString()).doesNotContain(enrollment.base32Secret());
        }
    }

    @OnBothDatabases
    void refusesADuplicateUpnIgnoringCase(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            f.createAdmin("ada@contoso.com", Role.GLOBAL_ADMINISTRATOR);

            assertThatThrownBy(() -> f.createAdmin("ADA@Contoso.COM", Role.HELPDESK_ADMINISTRATOR))
                    .asInstanceOf(type(ApiException.class))
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.fieldErrors()).extracting(f2 -> f2.field()).containsExactly("userPrincipalName");
                    });
            assertThat(f.db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(1);
            assertThat(f.db.dsl().fetchCount(USER_ROLE)).isEqualTo(1);
        }
    }

    @OnBothDatabases
    void refusesAWeakPasswordListingEveryViolationAndWritesNothing(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            NewAdministrator weak = new NewAdministrator("ada@contoso.com", "Ada", "Ada", "Lovelace", "password",
                    Set.of(Role.GLOBAL_ADMINISTRATOR));

            assertThatThrownBy(() -> f.accounts.create(weak))
                    .asInstanceOf(type(PasswordRejectedException.class))
                    .satisfies(e -> {
                        assertThat(e.violations()).hasAtLeastOneElementOfType(PasswordViolation.TooFewCharacterClasses.class)
                                .hasAtLeastOneElementOfType(PasswordViolation.BannedPassword.class);
                        ApiException api = e.toApiException("password");
                        assertThat(api.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                        assertThat(api.fieldErrors()).extracting(x -> x.code())
                                .contains("TOO_FEW_CHARACTER_CLASSES", "BANNED_PASSWORD");
                        assertThat(e.getMessage()).doesNotContain("password\"").doesNotContain(": password");
                    });
            assertThat(f.db.dsl().fetchCount(DIRECTORY_USER)).isZero();
            assertThat(f.db.dsl().fetchCount(ADMIN_CREDENTIAL)).isZero();
        }
    }

    @OnBothDatabases
    void refusesTheOwnersNameAsPassword(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            NewAdministrator named = new NewAdministrator("ada@contoso.com", "Ada", "Augusta", "Lovelace",
                    "Augusta-Lovelace1", Set.of(Role.GLOBAL_ADMINISTRATOR));

            assertThatThrownBy(() -> f.accounts.create(named))
                    .asInstanceOf(type(PasswordRejectedException.class))
                    .satisfies(e -> assertThat(e.violations()).singleElement()
                            .isInstanceOf(PasswordViolation.BannedPassword.class));
        }
    }

    @OnBothDatabases
    void refusesAMalformedUpnAndAnAdminWithoutRoles(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            for (String upn : new String[]{"", "ada", "@contoso.com", "ada@", "ada@b@c", "ada lovelace@contoso.com",
                    "a".repeat(320) + "@x.com"}) {
                assertThatThrownBy(() -> f.createAdmin(upn, Role.GLOBAL_ADMINISTRATOR))
                        .as(upn).asInstanceOf(type(ApiException.class))
                        .satisfies(e -> assertThat(e.fieldErrors()).extracting(x -> x.field())
                                .containsExactly("userPrincipalName"));
            }
            assertThatThrownBy(() -> f.createAdmin("ada@contoso.com"))
                    .asInstanceOf(type(ApiException.class))
                    .satisfies(e -> assertThat(e.fieldErrors()).extracting(x -> x.field()).containsExactly("roles"));
            assertThat(f.db.dsl().fetchCount(DIRECTORY_USER)).isZero();
        }
    }
}
