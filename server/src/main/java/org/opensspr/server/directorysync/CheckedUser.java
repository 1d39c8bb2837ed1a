package org.opensspr.server.directorysync;

import org.opensspr.directory.ContactInfo;
import org.opensspr.server.directory.FieldProblem;
import org.opensspr.server.directory.UserDraft;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A directory user checked by the rules every user meets ({@link UserDraft#problems()}). A bad identity field
 * (UPN, names) skips the user; a bad contact field or language is left out, so one odd phone number doesn't keep
 * a user from signing in, and the change says which values were not taken.
 */
record CheckedUser(SourceUser source, UserDraft draft, String dropped, String skipReason) {
    private static final Set<String> DROPPABLE = Set.of("primaryEmail", "alternateEmail", "mobilePhone",
            "officePhone", "preferredLanguage");

    static CheckedUser of(SourceUser source) {
        UserDraft draft = source.draft();
        List<FieldProblem> problems = draft.problems();
        List<FieldProblem> fatal = problems.stream().filter(p -> !DROPPABLE.contains(p.field())).toList();
        if (!fatal.isEmpty()) {
            return new CheckedUser(source, null, "", fatal.stream().map(FieldProblem::message)
                    .collect(Collectors.joining(" ")));
        }
        if (problems.isEmpty()) {
            return new CheckedUser(source, draft.canonical(), "", null);
        }
        Set<String> bad = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        ContactInfo c = draft.contact();
        UserDraft kept = new UserDraft(draft.userPrincipalName(), draft.givenName(), draft.surname(),
                draft.displayName(), draft.source(), draft.enabled(), draft.onPremisesProtected(),
                new ContactInfo(keep(bad, "primaryEmail", c.primaryEmail()), keep(bad, "alternateEmail", c.alternateEmail()),
                        keep(bad, "mobilePhone", c.mobilePhone()), keep(bad, "officePhone", c.officePhone())),
                keep(bad, "preferredLanguage", draft.preferredLanguage()));
        String dropped = "not taken: " + problems.stream().map(FieldProblem::message).collect(Collectors.joining(" "));
        return new CheckedUser(source, kept.canonical(), dropped, null);
    }

    boolean skipped() {
        return skipReason != null;
    }

    /** The user's name in the change list: the UPN, or the DN when it has none. */
    String label() {
        String upn = source.draft().userPrincipalName();
        return upn.isEmpty() ? source.dnKey() : upn;
    }

    private static String keep(Set<String> bad, String field, String value) {
        return bad.contains(field) ? "" : value;
    }
}
