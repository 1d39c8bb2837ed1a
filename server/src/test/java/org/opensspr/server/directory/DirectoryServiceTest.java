package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import org.opensspr.api.ApiError;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.MethodRegistrationDto;
import org.opensspr.api.RolesUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;

class DirectoryServiceTest {
    static final Instant START = Instant.parse("2026-11-03T08:00:00.123456Z");
    static final DirectoryActor GLOBAL = DirectoryActor.system("test");
    static final DirectoryActor USER_ADMIN = new DirectoryActor("ua@contoso.com",
            Role.USER_ADMINISTRATOR.permissions());

    static UserWriteRequest request(String upn) {
        return new UserWriteRequest(upn, "Ada", "Lovelace", "Ada Lovelace", UserSource.CLOUD, true, false,
                "ada@contoso.com", "en-gb");
    }

    @OnBothDatabases
    void createsReadsUpdatesAndDeletesAUser(Database db) {
        ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));
        DirectoryService service = new DirectoryService(db, clock, AuditSeals.log(db, clock));

        UserDetailDto created = service.createUser(GLOBAL, request("  Ada@Contoso.com "));
        assertThat(service.getUser(created.id())).isEqualTo(created);
        clock.advance(Duration.ofMinutes(5));
        UserDetailDto updated = service.updateUser(GLOBAL, created.id(), new UserWriteRequest("ada.l@contoso.com",
                "Ada", "King", "Ada King", UserSource.ON_PREMISES, false, true, "", ""));

        assertThat(created.userPrincipalName()).isEqualTo("Ada@Contoso.com");
        assertThat(created.preferredLanguage()).isEqualTo("en-GB");
        assertThat(created.createdAt()).isEqualTo(START);
        assertThat(service.getUser(created.id())).isEqualTo(updated);
        assertThat(updated).usingRecursiveComparison().comparingOnlyFields("userPrincipalName", "surname",
                "source", "enabled", "onPremisesProtected", "primaryEmail", "createdAt").isEqualTo(new UserDetailDto(
                "", "ada.l@contoso.com", "", "King", "", UserSource.ON_PREMISES, false, false, true, "", "", "", "",
                "", List.of(), List.of(), List.of(), START, null));
        assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(service.loadUserByUpn("ADA.L@contoso.com")).map(DirectoryUser::id).contains(created.id());

        service.deleteUser(GLOBAL, created.id());
        assertThatThrownBy(() -> service.getUser(created.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> service.deleteUser(GLOBAL, created.id())).isInstanceOf(ApiException.class);
    }

    @OnBothDatabases
    void aUpnIsTakenRegardlessOfCase(Database db) {
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        service.createUser(GLOBAL, request("alice@contoso.com"));
        UserDetailDto bob = service.createUser(GLOBAL, request("bob@contoso.com"));

        assertThatThrownBy(() -> service.createUser(GLOBAL, request("ALICE@contoso.com")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("ALICE@contoso.com");
                });
        assertThatThrownBy(() -> service.updateUser(GLOBAL, bob.id(), request("Alice@Contoso.com")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(service.updateUser(GLOBAL, bob.id(), request("BOB@contoso.com")).userPrincipalName())
                .as("a user may change the case of their own UPN").isEqualTo("BOB@contoso.com");
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(2);
    }

    @OnBothDatabases
    void reportsEveryBadFieldAndWritesNothing(Database db) {
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        UserWriteRequest bad = new UserWriteRequest("not-a-upn", "x".repeat(257), "", " ", UserSource.CLOUD, true,
                true, "mail", "klingon!");

        assertThatThrownBy(() -> service.createUser(GLOBAL, bad)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.fieldErrors()).extracting(ApiError.FieldError::field).containsExactly("userPrincipalName",
                    "givenName", "displayName", "onPremisesProtected", "primaryEmail", "preferredLanguage");
        });
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isZero();
    }

    @OnBothDatabases
    void contactDataIsCheckedAndAClearedValueLosesItsRegistration(Database db) {
        ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));
        DirectoryService service = new DirectoryService(db, clock, AuditSeals.log(db, clock));
        String id = service.createUser(GLOBAL, request("ada@contoso.com")).id();

        assertThatThrownBy(() -> service.updateContact(GLOBAL, id,
                new ContactUpdateRequest("ADA@contoso.com", "020 7946 0958", "+44 1")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ApiError.FieldError::field)
                        .containsExactly("alternateEmail", "mobilePhone", "officePhone"));

        service.updateContact(GLOBAL, id, new ContactUpdateRequest("ada@example.org", "+44 20 7946 0958", ""));
        clock.advance(Duration.ofHours(1));
        UserDetailDto changed = service.updateContact(GLOBAL, id,
                new ContactUpdateRequest("ADA@example.org", "", "+44 20 7946 0000"));

        assertThat(changed.registrations()).containsExactly(
                new MethodRegistrationDto(AuthMethod.Registration.EMAIL, RegistrationSource.ADMIN_PREFILL, START),
                new MethodRegistrationDto(AuthMethod.Registration.OFFICE_PHONE, RegistrationSource.ADMIN_PREFILL,
                        START.plus(Duration.ofHours(1))));
        assertThat(changed.mobilePhone()).isEmpty();
        assertThat(changed.alternateEmail()).isEqualTo("ADA@example.org");
    }

    @OnBothDatabases
    void rolesAreKnownNamesAndTheLastGlobalAdministratorStays(Database db) {
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        String root = service.createUser(GLOBAL, request("root@contoso.com")).id();
        String helper = service.createUser(GLOBAL, request("helper@contoso.com")).id();

        assertThatThrownBy(() -> service.setRoles(GLOBAL, root, new RolesUpdateRequest(
                List.of("GLOBAL_ADMINISTRATOR", "OVERLORD")))).isInstanceOfSatisfying(ApiException.class, e ->
                assertThat(e.fieldErrors()).extracting(ApiError.FieldError::field).containsExactly("roles[1]"));
        assertThat(service.setRoles(GLOBAL, root, new RolesUpdateRequest(List.of("GLOBAL_ADMINISTRATOR"))).roles())
                .containsExactly("GLOBAL_ADMINISTRATOR");

        assertConflict(() -> service.setRoles(GLOBAL, root, new RolesUpdateRequest(List.of())));
        assertConflict(() -> service.deleteUser(GLOBAL, root));
        assertConflict(() -> service.updateUser(GLOBAL, root, new UserWriteRequest("root@contoso.com", "", "",
                "Root", UserSource.CLOUD, false, false, "", "")));

        service.setRoles(GLOBAL, helper, new RolesUpdateRequest(List.of("GLOBAL_ADMINISTRATOR",
                "PASSWORD_ADMINISTRATOR")));
        service.setRoles(GLOBAL, root, new RolesUpdateRequest(List.of()));
        assertThat(service.loadUser(helper).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.GLOBAL_ADMINISTRATOR, Role.PASSWORD_ADMINISTRATOR);
        assertThat(service.loadUser(root).orElseThrow().roles()).isEmpty();
    }

    @OnBothDatabases
    void onlyAGlobalAdministratorChangesAnAdministratorsAccount(Database db) {
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        String admin = service.createUser(GLOBAL, request("helpdesk@contoso.com")).id();
        service.setRoles(GLOBAL, admin, new RolesUpdateRequest(List.of("HELPDESK_ADMINISTRATOR")));
        String plain = service.createUser(USER_ADMIN, request("plain@contoso.com")).id();
        ContactUpdateRequest attacker = new ContactUpdateRequest("mallory@example.org", "", "");

        assertForbidden(() -> service.updateContact(USER_ADMIN, admin, attacker));
        assertForbidden(() -> service.deleteUser(USER_ADMIN, admin));
        assertForbidden(() -> service.setRoles(USER_ADMIN, plain, new RolesUpdateRequest(List.of())));
        assertThat(service.updateContact(USER_ADMIN, plain, attacker).alternateEmail()).isEqualTo("mallory@example.org");
        assertThat(service.getUser(admin).alternateEmail()).isEmpty();
    }

    static void assertConflict(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    static void assertForbidden(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
