package org.opensspr.server.directory;

import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.api.ApiError;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.MethodRegistrationDto;
import org.opensspr.api.Page;
import org.opensspr.api.RolesUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opensspr.api.AuditActivity;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;

/**
 * Users: create, change, delete, contact pre-fill and roles, each checked and written in one
 * transaction. Two safety rules beyond the formats: an account holding an admin role is changed only
 * by an actor who may manage roles (else a user administrator could pre-fill a Global administrator's
 * phone and reset their password), and the last enabled Global administrator is never removed.
 */
public final class DirectoryService {
    private final Database db;
    private final Clock clock;
    private final DirectoryRepository users = new DirectoryRepository();
    private final GroupRepository groups = new GroupRepository();
    private final DirectoryQueries queries = new DirectoryQueries();

    private final AuditLog audit;

    public DirectoryService(Database db, Clock clock, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    public Page<UserSummaryDto> listUsers(ListQuery query) {
        return db.inTransaction(tx -> queries.users(tx, query));
    }

    public UserDetailDto getUser(String id) {
        return db.inTransaction(tx -> detail(tx, existing(tx, id)));
    }

    /** The user with this UPN, in any case; NOT_FOUND when there is none. */
    public UserDetailDto getUserByUpn(String userPrincipalName) {
        return db.inTransaction(tx -> detail(tx, users.findUserByUpn(tx, userPrincipalName)
                .orElseThrow(() -> ApiException.notFound("User " + userPrincipalName))));
    }

    /** The user as the eligibility and reset engines see it. */
    public Optional<DirectoryUser> loadUser(String id) {
        return users.loadUser(db.dsl(), id);
    }

    /** {@link #loadUser(String)} inside the caller's transaction. */
    public Optional<DirectoryUser> loadUser(DSLContext tx, String id) {
        return users.loadUser(tx, id);
    }

    /** {@link #loadUserByUpn(String)} inside the caller's transaction. */
    public Optional<DirectoryUser> loadUserByUpn(DSLContext tx, String userPrincipalName) {
        return users.loadUserByUpn(tx, userPrincipalName);
    }

    public Optional<DirectoryUser> loadUserByUpn(String userPrincipalName) {
        return users.loadUserByUpn(db.dsl(), userPrincipalName);
    }

    public UserDetailDto createUser(DirectoryActor actor, UserWriteRequest request) {
        actor.require(Permission.MANAGE_USERS, "Creating users needs the user administrator role.");
        UserDraft draft = draftOf(request, new ContactInfo(request.primaryEmail(), "", "", ""));
        Problems.throwIfAny(draft.problems());
        UserDraft user = draft.canonical();
        Instant now = DbTime.now(clock);
        return UniqueKeys.guard(concurrentUpn(user.userPrincipalName()), () -> db.inTransaction(tx -> {
            if (users.findUserByUpn(tx, user.userPrincipalName()).isPresent()) {
                throw upnTaken(user.userPrincipalName());
            }
            UserRow row = rowOf(UUID.randomUUID().toString(), user, false, now, now);
            users.insertUser(tx, row);
            audit.append(tx, AuditEntry.success(AuditActivity.ADD_USER, actor.name(), row.userPrincipalName()));
            return detail(tx, row);
        }));
    }

    public UserDetailDto updateUser(DirectoryActor actor, String id, UserWriteRequest request) {
        actor.require(Permission.MANAGE_USERS, "Changing users needs the user administrator role.");
        Instant now = DbTime.now(clock);
        return UniqueKeys.guard(concurrentUpn(request.userPrincipalName()), () -> db.inTransaction(tx -> {
            UserRow before = existing(tx, id);
            Set<Role> roles = users.roles(tx, id);
            requireMayChangeAdministrator(actor, roles);
            UserDraft draft = draftOf(request, new ContactInfo(request.primaryEmail(), before.contact().alternateEmail(),
                    before.contact().mobilePhone(), before.contact().officePhone()));
            Problems.throwIfAny(draft.problems());
            UserDraft user = draft.canonical();
            Optional<UserRow> holder = users.findUserByUpn(tx, user.userPrincipalName());
            if (holder.isPresent() && !holder.get().id().equals(id)) {
                throw upnTaken(user.userPrincipalName());
            }
            if (!user.enabled()) {
                keepAGlobalAdministrator(tx, before, roles, "disable");
            }
            UserRow row = rowOf(id, user, before.locked(), before.createdAt(), now);
            users.updateUser(tx, row);
            audit.append(tx, AuditEntry.success(AuditActivity.UPDATE_USER, actor.name(), row.userPrincipalName())
                    .withDetails(UserChanges.between(before, row)));
            return detail(tx, row);
        }));
    }

    public void deleteUser(DirectoryActor actor, String id) {
        actor.require(Permission.MANAGE_USERS, "Deleting users needs the user administrator role.");
        db.inTransactionDo(tx -> {
            UserRow user = existing(tx, id);
            Set<Role> roles = users.roles(tx, id);
            requireMayChangeAdministrator(actor, roles);
            keepAGlobalAdministrator(tx, user, roles, "delete");
            users.deleteUser(tx, id);
            audit.append(tx, AuditEntry.success(AuditActivity.DELETE_USER, actor.name(), user.userPrincipalName()));
        });
    }

    /** Pre-fills (or clears) the contact data the request sends, keeping the rest; set values count as registered. */
    public UserDetailDto updateContact(DirectoryActor actor, String id, ContactUpdateRequest request) {
        actor.require(Permission.MANAGE_USERS, "Setting contact data needs the user administrator role.");
        Instant now = DbTime.now(clock);
        return db.inTransaction(tx -> {
            requireMayChangeAdministrator(actor, users.roles(tx, id));
            prefillContact(tx, id, request, now);
            return detail(tx, existing(tx, id));
        });
    }

    /**
     * The helpdesk's pre-fill, in the caller's transaction (who may is the caller's check): the contact data the
     * request sends, validated; answers the user as it is now.
     */
    public UserDetailDto prefillContact(DSLContext tx, String id, ContactUpdateRequest request, Instant now) {
        UserRow before = existing(tx, id);
        ContactInfo contact = request.appliedTo(before.contact());
        Problems.throwIfAny(UserDraft.contactProblems(before.userPrincipalName(), contact));
        UserRow after = before.withContact(contact, now);
        users.updateUser(tx, after);
        ContactPrefill.apply(tx, users, id, before.contact(), after.contact(), now);
        return detail(tx, after);
    }

    /** A user as an administrator sees it, read in the caller's transaction. */
    public UserDetailDto detail(DSLContext tx, String id) {
        return detail(tx, existing(tx, id));
    }

    /**
     * The user's own alternate email, proven by a code sent to it (the security-info API): written with its
     * registration as the user's (source USER), in the caller's transaction.
     */
    public void registerAlternateEmail(DSLContext tx, String userId, String address, Instant now) {
        UserRow before = existing(tx, userId);
        ContactInfo contact = new ContactInfo(before.contact().primaryEmail(), address, before.contact().mobilePhone(),
                before.contact().officePhone());
        Problems.throwIfAny(UserDraft.contactProblems(before.userPrincipalName(), contact));
        users.updateUser(tx, before.withContact(contact, now));
        users.putRegistration(tx, userId, new MethodRegistration(Registration.EMAIL, now, RegistrationSource.USER,
                Set.of()));
    }

    /** The user proved a mobile or office phone ({@code shown}: international format, "ext. 123" kept). */
    public void registerPhone(DSLContext tx, String userId, Registration kind, String shown, Instant now) {
        UserRow before = existing(tx, userId);
        ContactInfo c = before.contact();
        ContactInfo contact = kind == Registration.MOBILE_PHONE
                ? new ContactInfo(c.primaryEmail(), c.alternateEmail(), shown, c.officePhone())
                : new ContactInfo(c.primaryEmail(), c.alternateEmail(), c.mobilePhone(), shown);
        Problems.throwIfAny(UserDraft.contactProblems(before.userPrincipalName(), contact));
        users.updateUser(tx, before.withContact(contact, now));
        users.putRegistration(tx, userId, new MethodRegistration(kind, now, RegistrationSource.USER, Set.of()));
    }

    /** Whether {@code address} could be the user's alternate email: the problems, none if it could. */
    public List<FieldProblem> alternateEmailProblems(DSLContext tx, String userId, String address) {
        UserRow user = existing(tx, userId);
        ContactInfo contact = new ContactInfo(user.contact().primaryEmail(), address, "", "");
        return UserDraft.contactProblems(user.userPrincipalName(), contact).stream()
                .filter(p -> p.field().equals("alternateEmail")).toList();
    }

    /** The user removes a piece of contact data (and with it its registration), in the caller's transaction. */
    public void clearContact(DSLContext tx, String userId, Registration kind, Instant now) {
        UserRow before = existing(tx, userId);
        ContactInfo c = before.contact();
        ContactInfo after = switch (kind) {
            case EMAIL -> new ContactInfo(c.primaryEmail(), "", c.mobilePhone(), c.officePhone());
            case MOBILE_PHONE -> new ContactInfo(c.primaryEmail(), c.alternateEmail(), "", c.officePhone());
            case OFFICE_PHONE -> new ContactInfo(c.primaryEmail(), c.alternateEmail(), c.mobilePhone(), "");
            case AUTHENTICATOR_APP, SECURITY_QUESTIONS -> throw new IllegalArgumentException(kind + " is not contact data");
        };
        users.updateUser(tx, before.withContact(after, now));
        users.deleteRegistration(tx, userId, kind);
    }

    /** Replaces the user's roles; the names must be {@link Role} names. */
    public UserDetailDto setRoles(DirectoryActor actor, String id, RolesUpdateRequest request) {
        actor.require(Permission.MANAGE_ROLES, "Assigning roles needs the Global administrator role.");
        Set<Role> roles = parseRoles(request.roles());
        return db.inTransaction(tx -> {
            UserRow user = existing(tx, id);
            Set<Role> before = users.roles(tx, id);
            if (!roles.contains(Role.GLOBAL_ADMINISTRATOR)) {
                keepAGlobalAdministrator(tx, user, before, "take the Global administrator role from");
            }
            users.replaceRoles(tx, id, roles);
            for (Role role : Role.values()) {
                if (roles.contains(role) != before.contains(role)) {
                    audit.append(tx, AuditEntry.success(roles.contains(role) ? AuditActivity.ADD_MEMBER_TO_ROLE
                            : AuditActivity.REMOVE_MEMBER_FROM_ROLE, actor.name(), user.userPrincipalName())
                            .withDetails(role.name()));
                }
            }
            users.updateUser(tx, user.withUpdatedAt(DbTime.now(clock)));
            return detail(tx, existing(tx, id));
        });
    }

    static Set<Role> parseRoles(List<String> names) {
        if (names == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "roles", "'roles' is required; [] removes every role.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            Optional<Role> role = DirectoryRepository.roleNamed(name);
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                problems.add(new FieldProblem("roles[" + i + "]", "UNKNOWN_ROLE", "'" + name
                        + "' is not a role; roles are " + List.of(Role.values()) + "."));
            }
        }
        Problems.throwIfAny(problems);
        return roles;
    }

    private UserDetailDto detail(DSLContext tx, UserRow row) {
        List<String> roleNames = users.roles(tx, row.id()).stream().map(Role::name).sorted().toList();
        List<MethodRegistrationDto> registrations = users.registrations(tx, row.id()).stream()
                .map(r -> new MethodRegistrationDto(r.kind(), r.source(), r.registeredAt())).toList();
        return new UserDetailDto(row.id(), row.userPrincipalName(), row.givenName(), row.surname(), row.displayName(),
                row.source(), row.enabled(), row.locked(), row.onPremisesProtected(), row.preferredLanguage(),
                row.contact().primaryEmail(), row.contact().alternateEmail(), row.contact().mobilePhone(),
                row.contact().officePhone(), roleNames, registrations, groups.directGroupsOf(tx, row.id()),
                row.createdAt(), row.updatedAt());
    }

    private UserRow existing(DSLContext tx, String id) {
        return users.findUser(tx, id).orElseThrow(() -> ApiException.notFound("User " + id));
    }

    private static void requireMayChangeAdministrator(DirectoryActor actor, Set<Role> targetRoles) {
        if (!targetRoles.isEmpty()) {
            actor.require(Permission.MANAGE_ROLES, "This account holds an administrator role, so only a Global"
                    + " administrator can change it.");
        }
    }

    /** Refuses to leave the organization without an enabled Global administrator. */
    private void keepAGlobalAdministrator(DSLContext tx, UserRow user, Set<Role> roles, String action) {
        if (user.enabled() && roles.contains(Role.GLOBAL_ADMINISTRATOR)
                && users.countEnabledHolders(tx, Role.GLOBAL_ADMINISTRATOR, user.id()) == 0) {
            throw Problems.conflict("Can't " + action + " " + user.userPrincipalName()
                    + ": it is the last enabled Global administrator.");
        }
    }

    private static UserDraft draftOf(UserWriteRequest r, ContactInfo contact) {
        return new UserDraft(r.userPrincipalName(), r.givenName(), r.surname(), r.displayName(), r.source(),
                r.enabled(), r.onPremisesProtected(), contact, r.preferredLanguage());
    }

    static UserRow rowOf(String id, UserDraft d, boolean locked, Instant createdAt, Instant updatedAt) {
        return new UserRow(id, d.userPrincipalName(), d.givenName(), d.surname(), d.displayName(), d.source(),
                d.enabled(), locked, d.contact(), d.preferredLanguage(), d.onPremisesProtected(), createdAt, updatedAt);
    }

    private static String concurrentUpn(String upn) {
        return "Another change took the user principal name '" + upn + "' at the same time. Reload and try again.";
    }

    private static ApiException upnTaken(String upn) {
        return new ApiException(ErrorCode.CONFLICT, "A user with the user principal name '" + upn + "' already exists.",
                List.of(new ApiError.FieldError("userPrincipalName", "TAKEN", "'" + upn + "' is taken.")), null);
    }
}
