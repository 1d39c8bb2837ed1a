package org.opensspr.server.directorysync;

import org.jooq.DSLContext;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncChangeKind;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.directory.FieldRules;
import org.opensspr.server.directory.GroupRepository;
import org.opensspr.server.directory.GroupRow;
import org.opensspr.server.directory.UserDraft;
import org.opensspr.server.directory.UserRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.opensspr.api.DirectorySyncChangeKind.ADD_GROUP;
import static org.opensspr.api.DirectorySyncChangeKind.ADD_MEMBER;
import static org.opensspr.api.DirectorySyncChangeKind.ADD_USER;
import static org.opensspr.api.DirectorySyncChangeKind.CONFLICT;
import static org.opensspr.api.DirectorySyncChangeKind.DELETE_GROUP;
import static org.opensspr.api.DirectorySyncChangeKind.DELETE_USER;
import static org.opensspr.api.DirectorySyncChangeKind.REMOVE_MEMBER;
import static org.opensspr.api.DirectorySyncChangeKind.SKIPPED;
import static org.opensspr.api.DirectorySyncChangeKind.UPDATE_GROUP;
import static org.opensspr.api.DirectorySyncChangeKind.UPDATE_USER;

/**
 * Compares what the directory holds with the user and group tables and plans the changes (docs/design.md §24).
 * Synced objects are found by their anchor (objectGUID / entryUUID), so a rename is an update. Only rows the
 * sync owns are changed: a cloud user holding the UPN, or a group made in OpenSSPR holding the name, is a
 * conflict; an on-premises user without an anchor (imported earlier) is taken over by its UPN.
 */
final class SyncPlanner {
    private final SyncStore store;
    private final DirectoryRepository users = new DirectoryRepository();
    private final GroupRepository groups = new GroupRepository();

    SyncPlanner(SyncStore store) {
        this.store = store;
    }

    SyncPlan plan(DSLContext tx, DirectoryBatch batch, Instant now) {
        return new Planning(tx, batch, now).run();
    }

    private final class Planning {
        final DSLContext tx;
        final DirectoryBatch batch;
        final Instant now;
        final SyncPlan plan = new SyncPlan();
        final Map<String, Anchor> anchors;
        /** Anchors whose object leaves OpenSSPR in this run. */
        final Set<String> removed = new HashSet<>();
        /** Every synced object's id after this run, by anchor (new ones included). */
        final Map<String, String> idOfAnchor = new HashMap<>();
        final Map<String, String> nameOfId = new HashMap<>();
        /** Whether each anchor known to this run is a group's. */
        final Map<String, Boolean> groupAnchors = new HashMap<>();

        Planning(DSLContext tx, DirectoryBatch batch, Instant now) {
            this.tx = tx;
            this.batch = batch;
            this.now = now;
            Set<String> wanted = new HashSet<>(batch.gone());
            batch.users().forEach(u -> wanted.add(u.anchor()));
            batch.groups().forEach(g -> wanted.add(g.anchor()));
            this.anchors = batch.complete() ? store.allAnchors(tx) : store.anchors(tx, wanted);
            anchors.values().forEach(a -> {
                idOfAnchor.put(a.anchor(), a.objectId());
                groupAnchors.put(a.anchor(), !a.isUser());
            });
        }

        SyncPlan run() {
            List<CheckedUser> checked = batch.users().stream().map(CheckedUser::of).toList();
            Set<String> seen = new HashSet<>();
            batch.users().forEach(u -> seen.add(u.anchor()));
            batch.groups().forEach(g -> seen.add(g.anchor()));
            Set<String> leaving = new HashSet<>();
            for (Anchor anchor : anchors.values()) {
                if (batch.complete() ? !seen.contains(anchor.anchor()) : batch.gone().contains(anchor.anchor())) {
                    leaving.add(anchor.anchor());
                }
            }
            deleteUsers(leaving);
            deleteGroups(leaving);
            syncUsers(checked);
            syncGroups();
            syncMembers();
            return plan;
        }

        private void deleteUsers(Set<String> leaving) {
            List<String> ids = leaving.stream().map(anchors::get).filter(Anchor::isUser).map(Anchor::userId).toList();
            Map<String, UserRow> rows = users.findUsers(tx, ids);
            List<UserRow> deletes = new ArrayList<>(rows.values());
            deletes.sort(java.util.Comparator.comparing(UserRow::upnKey));
            for (UserRow row : keepingAGlobalAdministrator(deletes, "is deleted in the directory")) {
                plan.userDeletes.add(row);
                removed.add(anchorOf(row.id()));
                plan.changes.add(change(DELETE_USER, row.userPrincipalName(), "", List.of()));
            }
        }

        private void deleteGroups(Set<String> leaving) {
            List<String> ids = leaving.stream().map(anchors::get).filter(a -> !a.isUser()).map(Anchor::groupId).toList();
            List<GroupRow> rows = new ArrayList<>(groups.findGroups(tx, ids).values());
            rows.sort(java.util.Comparator.comparing(GroupRow::nameKey));
            for (GroupRow row : rows) {
                plan.groupDeletes.add(row);
                removed.add(anchorOf(row.id()));
                plan.changes.add(change(DELETE_GROUP, row.name(), "", List.of()));
            }
        }

        private void syncUsers(List<CheckedUser> checked) {
            List<CheckedUser> usable = checked.stream().filter(c -> !c.skipped()).toList();
            Map<String, UserRow> known = users.findUsers(tx, usable.stream().map(c -> anchors.get(c.source().anchor()))
                    .filter(Objects::nonNull).map(Anchor::objectId).toList());
            Map<String, UserRow> holders = users.findUsersByUpnKeys(tx, usable.stream()
                    .map(c -> UserRow.upnKeyOf(c.draft().userPrincipalName())).toList());
            Set<String> anchoredHolders = store.anchoredIds(tx, holders.values().stream().map(UserRow::id).toList());
            Set<String> claimed = new HashSet<>();
            List<Runnable> disables = new ArrayList<>();
            for (CheckedUser user : checked) {
                if (user.skipped()) {
                    plan.changes.add(change(SKIPPED, user.label(), user.skipReason(), List.of()));
                    continue;
                }
                UserDraft draft = user.draft();
                String upnKey = UserRow.upnKeyOf(draft.userPrincipalName());
                Anchor anchor = anchors.get(user.source().anchor());
                UserRow before = anchor == null || !anchor.isUser() ? null : known.get(anchor.userId());
                UserRow holder = holders.get(upnKey);
                boolean holderLeaves = holder != null && removed.contains(anchorOf(holder.id()));
                if (holder != null && (holderLeaves || (before != null && holder.id().equals(before.id())))) {
                    holder = null;
                }
                if (!claimed.add(upnKey)) {
                    plan.changes.add(change(CONFLICT, draft.userPrincipalName(), "Two directory users have this"
                            + " userPrincipalName; only the first is synced.", List.of()));
                    continue;
                }
                if (before == null && holder == null) {
                    add(user);
                } else if (before == null && holder.source() == UserSource.ON_PREMISES
                        && !anchoredHolders.contains(holder.id())) {
                    update(user, holder, true, disables);
                } else if (holder != null) {
                    plan.changes.add(change(CONFLICT, draft.userPrincipalName(), holder.source() == UserSource.CLOUD
                            ? "A cloud user has this userPrincipalName; the sync never changes cloud users."
                            : "Another synced user has this userPrincipalName.", List.of()));
                } else if (before.source() != UserSource.ON_PREMISES) {
                    plan.changes.add(change(CONFLICT, before.userPrincipalName(), "The synced user was made a cloud"
                            + " user in OpenSSPR; the sync no longer changes it.", List.of()));
                } else {
                    update(user, before, false, disables);
                }
            }
            disables.forEach(Runnable::run);
        }

        private void add(CheckedUser user) {
            UserDraft d = user.draft();
            UserRow row = new UserRow(UUID.randomUUID().toString(), d.userPrincipalName(), d.givenName(), d.surname(),
                    d.displayName(), UserSource.ON_PREMISES, d.enabled(), false, d.contact(), d.preferredLanguage(),
                    d.onPremisesProtected(), now, now);
            Anchor anchor = new Anchor(user.source().anchor(), row.id(), null, user.source().dnKey());
            plan.userAdds.add(new SyncPlan.Added<>(anchor, row));
            idOfAnchor.put(anchor.anchor(), row.id());
            nameOfId.put(row.id(), row.userPrincipalName());
            plan.changes.add(change(ADD_USER, row.userPrincipalName(), user.dropped(), List.of()));
        }

        /** Disabling the last enabled Global administrator waits until all other changes are planned. */
        private void update(CheckedUser user, UserRow before, boolean adopt, List<Runnable> disables) {
            UserDraft d = user.draft();
            UserRow after = new UserRow(before.id(), d.userPrincipalName(), d.givenName(), d.surname(), d.displayName(),
                    UserSource.ON_PREMISES, d.enabled(), before.locked(), d.contact(), d.preferredLanguage(),
                    d.onPremisesProtected(), before.createdAt(), now);
            Anchor anchor = new Anchor(user.source().anchor(), before.id(), null, user.source().dnKey());
            idOfAnchor.put(anchor.anchor(), before.id());
            nameOfId.put(before.id(), after.userPrincipalName());
            List<FieldChangeDto> fields = UserFields.changed(before, after);
            Runnable apply = () -> {
                if (adopt || !fields.isEmpty()) {
                    plan.userUpdates.add(new SyncPlan.Updated<>(anchor, before, after, adopt));
                    plan.changes.add(change(UPDATE_USER, after.userPrincipalName(), adopt
                            ? join("matched by userPrincipalName", user.dropped()) : user.dropped(), fields));
                } else if (!anchors.get(anchor.anchor()).dnKey().equals(anchor.dnKey())) {
                    plan.moves.add(anchor);
                }
            };
            if (before.enabled() && !after.enabled()) {
                disables.add(() -> {
                    if (keepingAGlobalAdministrator(List.of(before), "is disabled in the directory").isEmpty()) {
                        return;
                    }
                    apply.run();
                });
            } else {
                apply.run();
            }
        }

        /** The rows that may go; the last enabled Global administrators are kept, each reported as a conflict. */
        private List<UserRow> keepingAGlobalAdministrator(List<UserRow> losing, String why) {
            List<UserRow> admins = losing.stream().filter(UserRow::enabled)
                    .filter(u -> users.roles(tx, u.id()).contains(Role.GLOBAL_ADMINISTRATOR)).toList();
            if (admins.isEmpty()) {
                return losing;
            }
            int others = users.countEnabledHolders(tx, Role.GLOBAL_ADMINISTRATOR, "")
                    - admins.size() - lostAdministrators;
            if (others > 0) {
                lostAdministrators += admins.size();
                return losing;
            }
            admins.forEach(a -> plan.changes.add(change(CONFLICT, a.userPrincipalName(), "The account " + why
                    + " but is the last enabled Global administrator; it is kept until another one is enabled.",
                    List.of())));
            return losing.stream().filter(u -> !admins.contains(u)).toList();
        }

        private int lostAdministrators;

        private void syncGroups() {
            List<SourceGroup> usable = new ArrayList<>();
            for (SourceGroup group : batch.groups()) {
                var problem = FieldRules.groupName("name", group.name()).or(() -> FieldRules.maxLength("description",
                        group.description(), FieldRules.MAX_GROUP_DESCRIPTION, "The description"));
                if (problem.isPresent()) {
                    plan.changes.add(change(SKIPPED, group.name().isEmpty() ? group.dnKey() : group.name(),
                            problem.get().message(), List.of()));
                } else {
                    usable.add(group);
                }
            }
            Map<String, GroupRow> known = groups.findGroups(tx, usable.stream().map(g -> anchors.get(g.anchor()))
                    .filter(Objects::nonNull).map(Anchor::objectId).toList());
            Map<String, String> holders = groups.idsByNameKey(tx, usable.stream()
                    .map(g -> GroupRow.nameKeyOf(g.name())).toList());
            Set<String> claimed = new HashSet<>();
            for (SourceGroup group : usable) {
                String key = GroupRow.nameKeyOf(group.name());
                Anchor stored = anchors.get(group.anchor());
                GroupRow before = stored == null || stored.isUser() ? null : known.get(stored.groupId());
                String holder = holders.get(key);
                if (holder != null && (removed.contains(anchorOf(holder))
                        || (before != null && holder.equals(before.id())))) {
                    holder = null;
                }
                if (!claimed.add(key) || holder != null) {
                    plan.changes.add(change(CONFLICT, group.name(), "Another group has this name; the sync never"
                            + " changes groups it didn't make.", List.of()));
                    continue;
                }
                Anchor anchor = new Anchor(group.anchor(), null, before == null ? null : before.id(), group.dnKey());
                if (before == null) {
                    GroupRow row = new GroupRow(UUID.randomUUID().toString(), group.name(), group.description(), now);
                    anchor = new Anchor(group.anchor(), null, row.id(), group.dnKey());
                    plan.groupAdds.add(new SyncPlan.Added<>(anchor, row));
                    groupAnchors.put(anchor.anchor(), true);
                    plan.changes.add(change(ADD_GROUP, row.name(), "", List.of()));
                    idOfAnchor.put(anchor.anchor(), row.id());
                    nameOfId.put(row.id(), row.name());
                    continue;
                }
                GroupRow after = new GroupRow(before.id(), group.name(), group.description(), before.createdAt());
                nameOfId.put(before.id(), after.name());
                List<FieldChangeDto> fields = new ArrayList<>();
                if (!before.name().equals(after.name())) {
                    fields.add(new FieldChangeDto("name", before.name(), after.name()));
                }
                if (!before.description().equals(after.description())) {
                    fields.add(new FieldChangeDto("description", before.description(), after.description()));
                }
                if (!fields.isEmpty()) {
                    plan.groupUpdates.add(new SyncPlan.Updated<>(anchor, before, after, false));
                    plan.changes.add(change(UPDATE_GROUP, after.name(), "", fields));
                } else if (!stored.dnKey().equals(anchor.dnKey())) {
                    plan.moves.add(anchor);
                }
            }
        }

        /** Each group read gets exactly the directory's synced members; members added in OpenSSPR by hand stay. */
        private void syncMembers() {
            Map<String, String> anchorOfDn = new HashMap<>();
            if (!batch.complete()) {
                Set<String> dns = new HashSet<>();
                batch.groups().forEach(g -> dns.addAll(g.memberDnKeys()));
                store.byDnKeys(tx, dns).forEach((dn, a) -> {
                    anchorOfDn.put(dn, a.anchor());
                    idOfAnchor.putIfAbsent(a.anchor(), a.objectId());
                    groupAnchors.put(a.anchor(), !a.isUser());
                });
            }
            batch.users().forEach(u -> anchorOfDn.put(u.dnKey(), u.anchor()));
            batch.groups().forEach(g -> anchorOfDn.put(g.dnKey(), g.anchor()));

            Map<String, SourceGroup> synced = new LinkedHashMap<>();
            for (SourceGroup group : batch.groups()) {
                String id = idOfAnchor.get(group.anchor());
                if (id != null && !removed.contains(group.anchor()) && isGroup(group.anchor())) {
                    synced.put(id, group);
                }
            }
            Set<String> existingGroups = new HashSet<>(synced.keySet());
            plan.groupAdds.forEach(a -> existingGroups.remove(a.row().id()));
            Map<String, Set<String>> currentUsers = store.syncedUserMembers(tx, existingGroups);
            Map<String, Set<String>> currentGroups = store.syncedGroupMembers(tx, existingGroups);
            // a deleted member leaves its groups with it (foreign keys cascade): not a change of its own
            Set<String> deletedIds = new HashSet<>();
            plan.userDeletes.forEach(u -> deletedIds.add(u.id()));
            plan.groupDeletes.forEach(g -> deletedIds.add(g.id()));
            currentUsers.values().forEach(members -> members.removeAll(deletedIds));
            currentGroups.values().forEach(members -> members.removeAll(deletedIds));
            Set<String> unnamed = new HashSet<>();
            List<SyncPlan.Membership> adds = new ArrayList<>();
            List<SyncPlan.Membership> removes = new ArrayList<>();
            for (var entry : synced.entrySet()) {
                String groupId = entry.getKey();
                Set<String> wantUsers = new HashSet<>();
                Set<String> wantGroups = new HashSet<>();
                for (String dn : entry.getValue().memberDnKeys()) {
                    String anchor = anchorOfDn.get(dn);
                    String id = anchor == null || removed.contains(anchor) ? null : idOfAnchor.get(anchor);
                    if (id == null || id.equals(groupId)) {
                        continue;
                    }
                    (isGroup(anchor) ? wantGroups : wantUsers).add(id);
                }
                diff(groupId, wantUsers, currentUsers.getOrDefault(groupId, Set.of()), false, adds, removes);
                diff(groupId, wantGroups, currentGroups.getOrDefault(groupId, Set.of()), true, adds, removes);
            }
            adds.forEach(m -> unnamed.add(m.memberId()));
            removes.forEach(m -> unnamed.add(m.memberId()));
            unnamed.removeAll(nameOfId.keySet());
            users.findUsers(tx, unnamed).values().forEach(u -> nameOfId.put(u.id(), u.userPrincipalName()));
            groups.findGroups(tx, unnamed).values().forEach(g -> nameOfId.put(g.id(), g.name()));
            for (SyncPlan.Membership m : removes) {
                plan.memberRemoves.add(m);
                plan.changes.add(change(REMOVE_MEMBER, nameOfId.get(m.groupId()), memberLabel(m), List.of()));
            }
            for (SyncPlan.Membership m : adds) {
                plan.memberAdds.add(m);
                plan.changes.add(change(ADD_MEMBER, nameOfId.get(m.groupId()), memberLabel(m), List.of()));
            }
        }

        private void diff(String groupId, Set<String> wanted, Set<String> current, boolean groupsToo,
                          List<SyncPlan.Membership> adds, List<SyncPlan.Membership> removes) {
            wanted.stream().filter(id -> !current.contains(id)).sorted()
                    .forEach(id -> adds.add(new SyncPlan.Membership(groupId, id, groupsToo)));
            current.stream().filter(id -> !wanted.contains(id)).sorted()
                    .forEach(id -> removes.add(new SyncPlan.Membership(groupId, id, groupsToo)));
        }

        private String memberLabel(SyncPlan.Membership m) {
            return (m.memberIsGroup() ? "group " : "user ") + nameOfId.getOrDefault(m.memberId(), m.memberId());
        }

        private boolean isGroup(String anchor) {
            return groupAnchors.getOrDefault(anchor, false);
        }

        private String anchorOf(String objectId) {
            return anchorByObject().get(objectId);
        }

        private Map<String, String> anchorByObject;

        private Map<String, String> anchorByObject() {
            if (anchorByObject == null) {
                anchorByObject = new HashMap<>();
                anchors.values().forEach(a -> anchorByObject.put(a.objectId(), a.anchor()));
            }
            return anchorByObject;
        }
    }

    private static DirectorySyncChangeDto change(DirectorySyncChangeKind kind, String target, String detail,
                                                 List<FieldChangeDto> fields) {
        return new DirectorySyncChangeDto(kind, target, detail, fields);
    }

    private static String join(String a, String b) {
        return b == null || b.isEmpty() ? a : a + "; " + b;
    }
}
