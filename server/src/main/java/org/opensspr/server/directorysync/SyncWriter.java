package org.opensspr.server.directorysync;

import org.jooq.DSLContext;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.server.directory.ContactPrefill;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.GroupRepository;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SyncPlan} in the caller's transaction, the way the directory's own services write: a deleted
 * user or group goes with its memberships, roles and registrations (foreign keys cascade) as an administrator's
 * delete does; contact data counts as pre-filled exactly as in a CSV import ({@link ContactPrefill}).
 */
final class SyncWriter {
    /** A name no one can hold (ids are UUIDs), for the first step of a rename. */
    private static final String RENAMING = "~renaming~";

    private final SyncStore store;
    private final DirectoryRepository users = new DirectoryRepository();
    private final GroupRepository groups = new GroupRepository();

    SyncWriter(SyncStore store) {
        this.store = store;
    }

    void write(DSLContext tx, SyncPlan plan, Instant now) {
        // Deletes first: a new object may take the UPN or name of one that left.
        plan.userDeletes.forEach(u -> users.deleteUser(tx, u.id()));
        plan.groupDeletes.forEach(g -> groups.deleteGroup(tx, g.id()));
        // Renames next, in two steps, so two users swapping UPNs never meet the unique key.
        List<SyncPlan.Updated<UserRow>> renames = plan.userUpdates.stream()
                .filter(u -> !u.before().upnKey().equals(u.after().upnKey())).toList();
        renames.forEach(u -> users.updateUser(tx, new UserRow(u.before().id(), RENAMING + u.before().id(),
                u.before().givenName(), u.before().surname(), u.before().displayName(), u.before().source(),
                u.before().enabled(), u.before().locked(), u.before().contact(), u.before().preferredLanguage(),
                u.before().onPremisesProtected(), u.before().createdAt(), now)));
        List<Anchor> adopted = new ArrayList<>();
        for (SyncPlan.Updated<UserRow> update : plan.userUpdates) {
            users.updateUser(tx, update.after());
            ContactPrefill.apply(tx, users, update.after().id(), update.before().contact(), update.after().contact(), now);
            if (update.adopt()) {
                adopted.add(update.anchor());
            } else {
                store.moveAnchor(tx, update.anchor().anchor(), update.anchor().dnKey());
            }
        }
        store.insertAnchors(tx, adopted);
        List<GroupRow> renamedGroups = plan.groupUpdates.stream()
                .filter(g -> !g.before().nameKey().equals(g.after().nameKey())).map(SyncPlan.Updated::before).toList();
        renamedGroups.forEach(g -> groups.updateGroup(tx, new GroupRow(g.id(), RENAMING + g.id(), g.description(),
                g.createdAt())));
        for (SyncPlan.Updated<GroupRow> update : plan.groupUpdates) {
            groups.updateGroup(tx, update.after());
            store.moveAnchor(tx, update.anchor().anchor(), update.anchor().dnKey());
        }
        plan.moves.forEach(a -> store.moveAnchor(tx, a.anchor(), a.dnKey()));

        List<UserRow> newUsers = plan.userAdds.stream().map(SyncPlan.Added::row).toList();
        users.insertUsers(tx, newUsers);
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        newUsers.forEach(u -> registrations.put(u.id(), ContactPrefill.forNewUser(u.contact(), now)));
        users.insertRegistrations(tx, registrations);
        groups.insertGroups(tx, plan.groupAdds.stream().map(SyncPlan.Added::row).toList());
        List<Anchor> newAnchors = new ArrayList<>();
        plan.userAdds.forEach(a -> newAnchors.add(a.anchor()));
        plan.groupAdds.forEach(a -> newAnchors.add(a.anchor()));
        store.insertAnchors(tx, newAnchors);

        for (SyncPlan.Membership m : plan.memberRemoves) {
            if (m.memberIsGroup()) {
                groups.removeGroupMember(tx, m.groupId(), m.memberId());
            } else {
                groups.removeUserMember(tx, m.groupId(), m.memberId());
            }
        }
        groups.insertUserMembers(tx, plan.memberAdds.stream().filter(m -> !m.memberIsGroup())
                .map(m -> Map.entry(m.groupId(), m.memberId())).toList());
        plan.memberAdds.stream().filter(SyncPlan.Membership::memberIsGroup)
                .forEach(m -> groups.addGroupMember(tx, m.groupId(), m.memberId()));
    }
}
