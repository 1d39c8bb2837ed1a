package org.opensspr.server.impact;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.opensspr.directory.UserSource;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.directory.DirectorySnapshot;
import org.opensspr.server.directory.SqlGroupMembership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The only users a preview can find anything about when neither policy covers everyone: those in a group of
 * either scope, and the administrators, whom the administrator policy scopes (anyone else is out of scope before
 * and after, and scope comes first in every question the preview asks; ADR 29). Each comes as the engines' inputs
 * and a UPN, never as a whole row (ADR 32), with one statement that joins the walks of both scopes to the users'
 * rows and registrations (ADR 31).
 */
final class ScopedInputs {
    /**
     * Every character {@link String#strip} removes ({@link Character#isWhitespace}; SQL's TRIM removes spaces only):
     * a contact value made of these alone is not set ({@link org.opensspr.directory.ContactInfo}).
     */
    static final String WHITE_SPACE = IntStream.rangeClosed(0, Character.MAX_VALUE).filter(Character::isWhitespace)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    /** How many rows the lazy read asks the database for at a time. */
    private static final int ROWS_PER_FETCH = 1_000;

    /** @param userPrincipalName for the order of the lists the preview answers */
    record ScopedUser(String id, String userPrincipalName, EngineInputs inputs) {
    }

    private ScopedInputs() {
    }

    /** Empty when either policy's scope is everyone: then every user is read. */
    static Optional<Collection<ScopedUser>> read(DSLContext tx, SsprPolicy current, SsprPolicy proposed) {
        if (current.scope().scope() == SsprScope.ALL || proposed.scope().scope() == SsprScope.ALL) {
            return Optional.empty();
        }
        Set<String> administrators = DirectorySnapshot.administrators(tx);
        SqlGroupMembership groups = new SqlGroupMembership(tx);
        SqlGroupMembership.Members inCurrent = groups.members("current_scope", groupsOf(current));
        SqlGroupMembership.Members inProposed = groups.members("proposed_scope", groupsOf(proposed));
        // A user comes once for each group of a walk they are in, and once more for each role: the flags are
        // merged here, which costs H2 far less than grouping by user (ADR 31).
        Table<?> candidates = inCurrent.userIds(inline(1), inline(0))
                .unionAll(inProposed.userIds(inline(0), inline(1)))
                .unionAll(select(USER_ROLE.USER_ID, inline(0), inline(0)).from(USER_ROLE))
                .asTable("candidate", "user_id", "in_current", "in_proposed");
        Field<String> candidateId = candidates.field("user_id", String.class);
        Field<Integer> candidateInCurrent = candidates.field("in_current", Integer.class);
        Field<Integer> candidateInProposed = candidates.field("in_proposed", Integer.class);
        Field<Boolean> alternateEmail = isSet(DIRECTORY_USER.ALTERNATE_EMAIL);
        Field<Boolean> mobilePhone = isSet(DIRECTORY_USER.MOBILE_PHONE);
        Field<Boolean> officePhone = isSet(DIRECTORY_USER.OFFICE_PHONE);
        Map<String, Merged> users = new HashMap<>();
        // One join for both registrations the engines read (one lookup per user, not two): a user comes once more
        // for each of them.
        try (Cursor<? extends Record> cursor = tx.withRecursive(inCurrent.walk(), inProposed.walk())
                .select(candidateId, candidateInCurrent, candidateInProposed, DIRECTORY_USER.UPN,
                        DIRECTORY_USER.SOURCE, DIRECTORY_USER.ON_PREMISES_PROTECTED, alternateEmail, mobilePhone,
                        officePhone, METHOD_REGISTRATION.KIND, METHOD_REGISTRATION.QUESTION_IDS)
                .from(candidates)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(candidateId))
                .leftJoin(METHOD_REGISTRATION).on(METHOD_REGISTRATION.USER_ID.eq(DIRECTORY_USER.ID)
                        .and(METHOD_REGISTRATION.KIND.in(AUTHENTICATOR_APP.name(), SECURITY_QUESTIONS.name())))
                .where(DIRECTORY_USER.ENABLED.isTrue())
                .fetchSize(ROWS_PER_FETCH).fetchLazy()) {
            for (Record r : cursor) {
                Merged user = users.computeIfAbsent(r.get(candidateId), id -> new Merged(r.get(DIRECTORY_USER.UPN),
                        administrators.contains(id),
                        UserSource.valueOf(r.get(DIRECTORY_USER.SOURCE)) == UserSource.ON_PREMISES,
                        r.get(DIRECTORY_USER.ON_PREMISES_PROTECTED), r.get(alternateEmail), r.get(mobilePhone),
                        r.get(officePhone)));
                user.inCurrent |= r.get(candidateInCurrent) == 1;
                user.inProposed |= r.get(candidateInProposed) == 1;
                String kind = r.get(METHOD_REGISTRATION.KIND);
                if (AUTHENTICATOR_APP.name().equals(kind)) {
                    user.authenticatorApp = true;
                } else if (SECURITY_QUESTIONS.name().equals(kind)) {
                    user.questionIds = r.get(METHOD_REGISTRATION.QUESTION_IDS);
                }
            }
        }
        List<ScopedUser> scoped = new ArrayList<>(users.size());
        users.forEach((id, user) -> scoped.add(user.scoped(id)));
        return Optional.of(scoped);
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

        ScopedUser scoped(String id) {
            return new ScopedUser(id, userPrincipalName, new EngineInputs(administrator, onPremises,
                    onPremisesProtected, alternateEmail, mobilePhone, officePhone, authenticatorApp, questionIds,
                    inCurrent, inProposed));
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

    private static Collection<String> groupsOf(SsprPolicy policy) {
        return policy.scope().scope() == SsprScope.SELECTED ? policy.scope().groupIds() : List.of();
    }
}
