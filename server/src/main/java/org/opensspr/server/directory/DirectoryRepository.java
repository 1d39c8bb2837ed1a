package org.opensspr.server.directory;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.tables.records.DirectoryUserRecord;
import org.opensspr.server.db.tables.records.MethodRegistrationRecord;
import org.opensspr.server.db.tables.records.UserRoleRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * Users with their roles and method registrations. Every method takes the {@link DSLContext} to run in,
 * so a service can put several calls into one transaction. Loading a {@link DirectoryUser} takes three
 * queries whatever the user has registered.
 */
public final class DirectoryRepository {
    /** Rows per statement when writing many; keeps bind-variable counts far below driver limits. */
    static final int CHUNK = 500;

    public Optional<UserRow> findUser(DSLContext dsl, String id) {
        return dsl.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(id)).fetchOptional(DirectoryRepository::toRow);
    }

    public Optional<UserRow> findUserByUpn(DSLContext dsl, String userPrincipalName) {
        return dsl.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.UPN_KEY.eq(UserRow.upnKeyOf(userPrincipalName)))
                .fetchOptional(DirectoryRepository::toRow);
    }

    /** The user the engines work with: row, roles and registrations. */
    public Optional<DirectoryUser> loadUser(DSLContext dsl, String id) {
        return findUser(dsl, id).map(row -> toDirectoryUser(dsl, row));
    }

    public Optional<DirectoryUser> loadUserByUpn(DSLContext dsl, String userPrincipalName) {
        return findUserByUpn(dsl, userPrincipalName).map(row -> toDirectoryUser(dsl, row));
    }

    private DirectoryUser toDirectoryUser(DSLContext dsl, UserRow row) {
        return new DirectoryUser(row.id(), row.userPrincipalName(), row.givenName(), row.surname(), row.displayName(),
                row.source(), row.enabled(), row.locked(), row.contact(), row.preferredLanguage(),
                roles(dsl, row.id()), row.onPremisesProtected(), registrations(dsl, row.id()));
    }

    /** The users with these ids that exist, by id. */
    public Map<String, UserRow> findUsers(DSLContext dsl, Collection<String> ids) {
        Map<String, UserRow> found = new java.util.HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            dsl.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.in(chunk))
                    .forEach(r -> found.put(r.getId(), toRow(r)));
        }
        return found;
    }

    /** The users holding these lower-cased UPNs, by UPN key. */
    public Map<String, UserRow> findUsersByUpnKeys(DSLContext dsl, Collection<String> upnKeys) {
        Map<String, UserRow> found = new java.util.HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(upnKeys))) {
            dsl.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.UPN_KEY.in(chunk))
                    .forEach(r -> found.put(r.getUpnKey(), toRow(r)));
        }
        return found;
    }

    /** Which of these lower-cased UPNs are taken already. */
    public Set<String> existingUpnKeys(DSLContext dsl, Collection<String> upnKeys) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(upnKeys))) {
            taken.addAll(dsl.select(DIRECTORY_USER.UPN_KEY).from(DIRECTORY_USER)
                    .where(DIRECTORY_USER.UPN_KEY.in(chunk)).fetch(DIRECTORY_USER.UPN_KEY));
        }
        return taken;
    }

    public void insertUser(DSLContext dsl, UserRow user) {
        dsl.executeInsert(toRecord(dsl, user));
    }

    /** Many users in JDBC batches, for imports and seeding. */
    public void insertUsers(DSLContext dsl, List<UserRow> users) {
        for (List<UserRow> chunk : chunks(users)) {
            dsl.batchInsert(chunk.stream().map(u -> toRecord(dsl, u)).toList()).execute();
        }
    }

    /** Writes every attribute but the id, the creation time and the lock (which the helpdesk clears). */
    public boolean updateUser(DSLContext dsl, UserRow user) {
        return dsl.update(DIRECTORY_USER)
                .set(DIRECTORY_USER.UPN, user.userPrincipalName())
                .set(DIRECTORY_USER.UPN_KEY, user.upnKey())
                .set(DIRECTORY_USER.GIVEN_NAME, user.givenName())
                .set(DIRECTORY_USER.SURNAME, user.surname())
                .set(DIRECTORY_USER.DISPLAY_NAME, user.displayName())
                .set(DIRECTORY_USER.GIVEN_NAME_KEY, NameKey.name(user.givenName()))
                .set(DIRECTORY_USER.SURNAME_KEY, NameKey.name(user.surname()))
                .set(DIRECTORY_USER.DISPLAY_NAME_KEY, NameKey.displayName(user.displayName()))
                .set(DIRECTORY_USER.SOURCE, user.source().name())
                .set(DIRECTORY_USER.ENABLED, user.enabled())
                .set(DIRECTORY_USER.PRIMARY_EMAIL, user.contact().primaryEmail())
                .set(DIRECTORY_USER.ALTERNATE_EMAIL, user.contact().alternateEmail())
                .set(DIRECTORY_USER.MOBILE_PHONE, user.contact().mobilePhone())
                .set(DIRECTORY_USER.OFFICE_PHONE, user.contact().officePhone())
                .set(DIRECTORY_USER.PREFERRED_LANGUAGE, user.preferredLanguage())
                .set(DIRECTORY_USER.ON_PREMISES_PROTECTED, user.onPremisesProtected())
                .set(DIRECTORY_USER.UPDATED_AT, DbTime.of(user.updatedAt()))
                .where(DIRECTORY_USER.ID.eq(user.id()))
                .execute() == 1;
    }

    /** Deletes the user; roles, registrations and memberships go with it (foreign keys cascade). */
    public boolean deleteUser(DSLContext dsl, String id) {
        return dsl.deleteFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(id)).execute() == 1;
    }

    // --- Roles ---

    public Set<Role> roles(DSLContext dsl, String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId))
                .fetch(USER_ROLE.ROLE).forEach(name -> roleNamed(name).ifPresent(roles::add));
        return roles;
    }

    public void replaceRoles(DSLContext dsl, String userId, Set<Role> roles) {
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
        insertRoles(dsl, Map.of(userId, roles));
    }

    public void insertRoles(DSLContext dsl, Map<String, Set<Role>> rolesByUser) {
        List<UserRoleRecord> records = new ArrayList<>();
        rolesByUser.forEach((userId, roles) -> roles.forEach(role -> {
            UserRoleRecord record = dsl.newRecord(USER_ROLE);
            record.setUserId(userId);
            record.setRole(role.name());
            records.add(record);
        }));
        for (List<UserRoleRecord> chunk : chunks(records)) {
            dsl.batchInsert(chunk).execute();
        }
    }

    /** Enabled users holding the role, except the one given (who may be about to lose it). */
    public int countEnabledHolders(DSLContext dsl, Role role, String exceptUserId) {
        return dsl.fetchCount(dsl.select(USER_ROLE.USER_ID).from(USER_ROLE)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(USER_ROLE.USER_ID))
                .where(USER_ROLE.ROLE.eq(role.name()), DIRECTORY_USER.ENABLED.isTrue(),
                        USER_ROLE.USER_ID.ne(exceptUserId)));
    }

    // --- Method registrations ---

    public List<MethodRegistration> registrations(DSLContext dsl, String userId) {
        return dsl.selectFrom(METHOD_REGISTRATION).where(METHOD_REGISTRATION.USER_ID.eq(userId))
                .orderBy(METHOD_REGISTRATION.KIND).fetch(DirectoryRepository::toRegistration);
    }

    /** Records the registration, replacing the user's earlier one of the same kind. */
    public void putRegistration(DSLContext dsl, String userId, MethodRegistration registration) {
        deleteRegistration(dsl, userId, registration.kind());
        dsl.executeInsert(toRecord(dsl, userId, registration));
    }

    public boolean deleteRegistration(DSLContext dsl, String userId, AuthMethod.Registration kind) {
        return dsl.deleteFrom(METHOD_REGISTRATION)
                .where(METHOD_REGISTRATION.USER_ID.eq(userId), METHOD_REGISTRATION.KIND.eq(kind.name()))
                .execute() == 1;
    }

    /** New users' registrations in batches (the users must have none yet). */
    public void insertRegistrations(DSLContext dsl, Map<String, List<MethodRegistration>> byUser) {
        List<MethodRegistrationRecord> records = new ArrayList<>();
        byUser.forEach((userId, list) -> list.forEach(r -> records.add(toRecord(dsl, userId, r))));
        for (List<MethodRegistrationRecord> chunk : chunks(records)) {
            dsl.batchInsert(chunk).execute();
        }
    }

    // --- Mapping ---

    static Optional<Role> roleNamed(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    static MethodRegistration toRegistration(MethodRegistrationRecord r) {
        return new MethodRegistration(AuthMethod.Registration.valueOf(r.getKind()), DbTime.instant(r.getRegisteredAt()),
                RegistrationSource.valueOf(r.getSource()), questionIds(r.getQuestionIds()));
    }

    /** The answered questions as column {@code question_ids} stores them (comma-separated). */
    public static Set<String> questionIds(String column) {
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    private static MethodRegistrationRecord toRecord(DSLContext dsl, String userId, MethodRegistration r) {
        MethodRegistrationRecord record = dsl.newRecord(METHOD_REGISTRATION);
        record.setUserId(userId);
        record.setKind(r.kind().name());
        record.setRegisteredAt(DbTime.of(r.registeredAt()));
        record.setSource(r.source().name());
        record.setQuestionIds(String.join(",", new TreeSet<>(r.questionIds())));
        return record;
    }

    static UserRow toRow(Record r) {
        return new UserRow(r.get(DIRECTORY_USER.ID), r.get(DIRECTORY_USER.UPN), r.get(DIRECTORY_USER.GIVEN_NAME),
                r.get(DIRECTORY_USER.SURNAME), r.get(DIRECTORY_USER.DISPLAY_NAME),
                UserSource.valueOf(r.get(DIRECTORY_USER.SOURCE)), r.get(DIRECTORY_USER.ENABLED),
                r.get(DIRECTORY_USER.LOCKED),
                new ContactInfo(r.get(DIRECTORY_USER.PRIMARY_EMAIL), r.get(DIRECTORY_USER.ALTERNATE_EMAIL),
                        r.get(DIRECTORY_USER.MOBILE_PHONE), r.get(DIRECTORY_USER.OFFICE_PHONE)),
                r.get(DIRECTORY_USER.PREFERRED_LANGUAGE), r.get(DIRECTORY_USER.ON_PREMISES_PROTECTED),
                DbTime.instant(r.get(DIRECTORY_USER.CREATED_AT)), DbTime.instant(r.get(DIRECTORY_USER.UPDATED_AT)));
    }

    private static DirectoryUserRecord toRecord(DSLContext dsl, UserRow u) {
        DirectoryUserRecord r = dsl.newRecord(DIRECTORY_USER);
        r.setId(u.id());
        r.setUpn(u.userPrincipalName());
        r.setUpnKey(u.upnKey());
        r.setGivenName(u.givenName());
        r.setSurname(u.surname());
        r.setDisplayName(u.displayName());
        r.setGivenNameKey(NameKey.name(u.givenName()));
        r.setSurnameKey(NameKey.name(u.surname()));
        r.setDisplayNameKey(NameKey.displayName(u.displayName()));
        r.setSource(u.source().name());
        r.setEnabled(u.enabled());
        r.setLocked(u.locked());
        r.setPrimaryEmail(u.contact().primaryEmail());
        r.setAlternateEmail(u.contact().alternateEmail());
        r.setMobilePhone(u.contact().mobilePhone());
        r.setOfficePhone(u.contact().officePhone());
        r.setPreferredLanguage(u.preferredLanguage());
        r.setOnPremisesProtected(u.onPremisesProtected());
        r.setCreatedAt(DbTime.of(u.createdAt()));
        r.setUpdatedAt(DbTime.of(u.updatedAt()));
        return r;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
