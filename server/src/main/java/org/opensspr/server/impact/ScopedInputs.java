package org.opensspr.server.impact;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.directory.DirectorySnapshot;
import org.opensspr.server.directory.SqlGroupMembership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.translate;
import static org.jooq.impl.DSL.trim;
import static org.opensspr.methods.AuthMethod.Registration.AUTHENTICATOR_APP;
import static org.opensspr.methods.AuthMethod.Registration.SECURITY_QUESTIONS;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;

/**
 * The users a preview can find anything about. When neither policy covers everyone: those in a group of either
 * scope, and the administrators, whom the administrator policy scopes (anyone else is out of scope before and
 * after, and scope comes first in every question the preview asks; ADR 29), with one statement that joins one walk
 * of both scopes to the users' rows and registrations (ADR 31), and one more for the administrators. When one does:
 * every enabled user, read along the tables. Each comes as the engines' inputs and a UPN, never as a whole row
 * (ADR 32), with the kinds of registration it has among those asked for (Usage &amp; insights counts them all).
 */
public final class ScopedInputs {
    /** The registrations the engines read; the others (contacts') they read from the user's row. */
    private static final Set<AuthMethod.Registration> READ_BY_ENGINES = Collections.unmodifiableSet(
            EnumSet.of(AUTHENTICATOR_APP, SECURITY_QUESTIONS));

    /**
     * Every character {@link String#strip} removes ({@link Character#isWhitespace}; SQL's TRIM removes spaces only):
     * a contact value made of these alone is not set ({@link org.opensspr.directory.ContactInfo}).
     */
    static final String WHITE_SPACE = IntStream.rangeClosed(0, Character.MAX_VALUE).filter(Character::isWhitespace)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    private static final AuthMethod.Registration[] KINDS = AuthMethod.Registration.values();
    /** Each set of kinds once (one per subset of {@link #KINDS}), so that a million users share them. */
    private static final List<Set<AuthMethod.Registration>> KIND_SETS = IntStream.range(0, 1 << KINDS.length)
            .mapToObj(ScopedInputs::kindSet).toList();

    /** How many rows the lazy read asks the database for at a time. */
    private static final int ROWS_PER_FETCH = 1_000;

    /**
     * @param userPrincipalName for the order of the lists the preview answers
     * @param registered        the kinds of registration the user has, of those the read asked for
     */
    public record ScopedUser(String id, String userPrincipalName, EngineInputs inputs,
                             Set<AuthMethod.Registration> registered) {
    }

    private ScopedInputs() {
    }

    /** Every user either policy can find anything about, with the registrations the engines read. */
    static Collection<ScopedUser> read(DSLContext tx, SsprPolicy current, SsprPolicy proposed) {
        return read(tx, current, proposed, READ_BY_ENGINES);
    }

    /**
     * Every user either policy can find anything about. When a policy covers everyone, that is every enabled user,
     * read in two passes along the tables (users, then the registrations: at a million users a lookup per person
     * costs more than reading all), with the other scope's membership from its walk's ids.
     *
     * @param kinds the registrations to read; they must include {@link #READ_BY_ENGINES}
     */
    public static Collection<ScopedUser> read(DSLContext tx, SsprPolicy current, SsprPolicy proposed,
                                              Set<AuthMethod.Registration> kinds) {
        if (!kinds.containsAll(READ_BY_ENGINES)) {
            throw new IllegalArgumentException("The engines read " + READ_BY_ENGINES + "; asked for " + kinds);
        }
        Condition kindsRead = METHOD_REGISTRATION.KIND.in(kinds.stream().map(Enum::name).toList());
        Set<String> administrators = DirectorySnapshot.administrators(tx);
        SqlGroupMembership.EitherMembers scoped = new SqlGroupMembership(tx)
                .membersOfEither("scopes", groupsOf(current), groupsOf(proposed));
        Map<String, Merged> users = new HashMap<>();
        if (coversEveryone(current) || coversEveryone(proposed)) {
            readEveryone(tx, kindsRead, administrators, users);
            try (Cursor<? extends Record> cursor = tx.withRecursive(scoped.walk())
                    .select(scoped.userId(), scoped.inFirst(), scoped.inSecond())
                    .from(scoped.members())
                    .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
                for (Record r : cursor) {
                    Merged user = users.get(r.get(0, String.class)); // null: not enabled
                    if (user != null) {
                        user.inScopes(r.get(1, Integer.class), r.get(2, Integer.class));
                    }
                }
            }
        } else {
            readScoped(tx, scoped, kindsRead, administrators, users);
        }
        List<ScopedUser> read = new ArrayList<>(users.size());
        users.forEach((id, user) -> read.add(user.scoped(id)));
        return read;
    }

    /**
     * The members of the scopes' groups and the administrators, whom the administrator policy scopes: anyone else is
     * out of scope before and after, and scope comes first in every question the preview asks (ADR 29).
     */
    private static void readScoped(DSLContext tx, SqlGroupMembership.EitherMembers scoped, Condition kindsRead,
                                   Set<String> administrators, Map<String, Merged> users) {
        // A user comes once for each group of the walk they are in, and once more for each registration read: the
        // flags are merged here, which costs H2 far less than grouping by user (ADR 31). One join to every kind
        // read: one lookup per user, not one per kind.
        Condition registrations = METHOD_REGISTRATION.USER_ID.eq(DIRECTORY_USER.ID).and(kindsRead);
        try (Cursor<? extends Record> cursor = tx.withRecursive(scoped.walk())
                .select(inputs(scoped.userId(), scoped.inFirst(), scoped.inSecond()))
                .from(scoped.members())
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(scoped.userId()))
                .leftJoin(METHOD_REGISTRATION).on(registrations)
                .where(DIRECTORY_USER.ENABLED.isTrue())
                .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
            merge(cursor, administrators, users);
        }
        // A statement of their own (a handful of rows), not a union with the walk's members, which H2 would keep in
        // a temporary result.
        try (Cursor<? extends Record> cursor = tx
                .select(inputs(USER_ROLE.USER_ID, inline(0), inline(0)))
                .from(USER_ROLE)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(USER_ROLE.USER_ID))
                .leftJoin(METHOD_REGISTRATION).on(registrations)
                .where(DIRECTORY_USER.ENABLED.isTrue())
                .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
            merge(cursor, administrators, users);
        }
    }

    /** Every enabled user's inputs, not yet in either scope, read along the tables. */
    private static void readEveryone(DSLContext tx, Condition kindsRead, Set<String> administrators,
                                     Map<String, Merged> users) {
        try (Cursor<? extends Record> cursor = tx
                .select(DIRECTORY_USER.ID, DIRECTORY_USER.UPN, DIRECTORY_USER.SOURCE,
                        DIRECTORY_USER.ON_PREMISES_PROTECTED, ALTERNATE_EMAIL, MOBILE_PHONE, OFFICE_PHONE)
                .from(DIRECTORY_USER)
                .where(DIRECTORY_USER.ENABLED.isTrue())
                .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
            for (Record r : cursor) {
                String id = r.get(DIRECTORY_USER.ID);
                users.put(id, merged(r, administrators.contains(id)));
            }
        }
        try (Cursor<? extends Record> cursor = tx
                .select(METHOD_REGISTRATION.USER_ID, METHOD_REGISTRATION.KIND, METHOD_REGISTRATION.QUESTION_IDS)
                .from(METHOD_REGISTRATION)
                .where(kindsRead)
                .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
            for (Record r : cursor) {
                Merged user = users.get(r.get(METHOD_REGISTRATION.USER_ID)); // null: not enabled
                if (user != null) {
                    user.registered(r.get(METHOD_REGISTRATION.KIND), r.get(METHOD_REGISTRATION.QUESTION_IDS));
                }
            }
        }
    }

    private static boolean coversEveryone(SsprPolicy policy) {
        return policy.scope().scope() == SsprScope.ALL;
    }

    private static final Field<Boolean> ALTERNATE_EMAIL = isSet(DIRECTORY_USER.ALTERNATE_EMAIL);
    private static final Field<Boolean> MOBILE_PHONE = isSet(DIRECTORY_USER.MOBILE_PHONE);
    private static final Field<Boolean> OFFICE_PHONE = isSet(DIRECTORY_USER.OFFICE_PHONE);

    /** The columns {@link #merge} reads, in its order: the user's id, the two scope flags, then the user's inputs. */
    private static List<Field<?>> inputs(Field<String> userId, Field<Integer> inCurrent, Field<Integer> inProposed) {
        return List.of(userId, inCurrent, inProposed, DIRECTORY_USER.UPN, DIRECTORY_USER.SOURCE,
                DIRECTORY_USER.ON_PREMISES_PROTECTED, ALTERNATE_EMAIL, MOBILE_PHONE, OFFICE_PHONE,
                METHOD_REGISTRATION.KIND, METHOD_REGISTRATION.QUESTION_IDS);
    }

    private static void merge(Cursor<? extends Record> cursor, Set<String> administrators, Map<String, Merged> users) {
        for (Record r : cursor) {
            Merged user = users.computeIfAbsent(r.get(0, String.class), id -> merged(r, administrators.contains(id)));
            user.inScopes(r.get(1, Integer.class), r.get(2, Integer.class));
            user.registered(r.get(METHOD_REGISTRATION.KIND), r.get(METHOD_REGISTRATION.QUESTION_IDS));
        }
    }

    /** A user from a row holding the user's columns of {@link #inputs}. */
    private static Merged merged(Record r, boolean administrator) {
        return new Merged(r.get(DIRECTORY_USER.UPN), administrator,
                UserSource.valueOf(r.get(DIRECTORY_USER.SOURCE)) == UserSource.ON_PREMISES,
                r.get(DIRECTORY_USER.ON_PREMISES_PROTECTED), r.get(ALTERNATE_EMAIL), r.get(MOBILE_PHONE),
                r.get(OFFICE_PHONE));
    }

    /** A user's rows merged: they come once for each group of a walk, role and registration. */
    private static final class Merged {
        private final String userPrincipalName;
        private final boolean administrator;
        private final boolean onPremises;
        private final boolean onPremisesProtected;
        private final boolean alternateEmail;
        private final boolean mobilePhone;
        private final boolean officePhone;
        private boolean authenticatorApp;
        private String questionIds;
        private int registered;
        private boolean inCurrent;
        private boolean inProposed;

        Merged(String userPrincipalName, boolean administrator, boolean onPremises, boolean onPremisesProtected,
               boolean alternateEmail, boolean mobilePhone, boolean officePhone) {
            this.userPrincipalName = userPrincipalName;
            this.administrator = administrator;
            this.onPremises = onPremises;
            this.onPremisesProtected = onPremisesProtected;
            this.alternateEmail = alternateEmail;
            this.mobilePhone = mobilePhone;
            this.officePhone = officePhone;
        }

        void inScopes(int current, int proposed) {
            inCurrent |= current == 1;
            inProposed |= proposed == 1;
        }

        /**
         * @param kind null for a row without a registration (the left join's); otherwise one of the kinds read, all
         *             known to this server (the read asks for them by name)
         */
        void registered(String kind, String storedQuestionIds) {
            if (kind == null) {
                return;
            }
            AuthMethod.Registration known = AuthMethod.Registration.valueOf(kind);
            registered |= 1 << known.ordinal();
            switch (known) {
                case AUTHENTICATOR_APP -> authenticatorApp = true;
                case SECURITY_QUESTIONS -> questionIds = storedQuestionIds;
                default -> {
                    // a contact's registration: the engines read the contact value on the user's row
                }
            }
        }

        ScopedUser scoped(String id) {
            return new ScopedUser(id, userPrincipalName, new EngineInputs(administrator, onPremises,
                    onPremisesProtected, alternateEmail, mobilePhone, officePhone, authenticatorApp, questionIds,
                    inCurrent, inProposed), KIND_SETS.get(registered));
        }
    }

    /**
     * Whether a contact column holds more than white space, as Java strips it: each white space character becomes a
     * space, which TRIM removes. (H2 does not drop the characters a shorter replacement leaves without a partner.)
     */
    private static Field<Boolean> isSet(Field<String> column) {
        Condition blank = trim(translate(column, WHITE_SPACE, " ".repeat(WHITE_SPACE.length()))).eq("");
        return field(blank.not());
    }

    private static Set<AuthMethod.Registration> kindSet(int bits) {
        Set<AuthMethod.Registration> kinds = EnumSet.noneOf(AuthMethod.Registration.class);
        for (AuthMethod.Registration kind : KINDS) {
            if ((bits & 1 << kind.ordinal()) != 0) {
                kinds.add(kind);
            }
        }
        return Collections.unmodifiableSet(kinds);
    }

    private static Collection<String> groupsOf(SsprPolicy policy) {
        return policy.scope().scope() == SsprScope.SELECTED ? policy.scope().groupIds() : List.of();
    }
}
