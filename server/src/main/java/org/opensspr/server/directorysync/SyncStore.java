package org.opensspr.server.directorysync;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncPhase;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Json;
import org.opensspr.server.db.DbTime;
import org.opensspr.server.db.tables.records.DirectorySyncObjectRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_CHANGE;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_OBJECT;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_RUN;
import static org.opensspr.server.db.Tables.DIRECTORY_SYNC_STATE;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;

/** The sync's own tables (V34): anchors, cursor and lease per directory, runs and their changes. */
final class SyncStore {
    private static final int CHUNK = 500;
    private static final int TEXT = 1024;
    private static final TypeReference<List<FieldChangeDto>> FIELDS = new TypeReference<>() { };
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.newMapper();

    // --- Anchors ---

    Map<String, Anchor> allAnchors(DSLContext tx) {
        Map<String, Anchor> all = new HashMap<>();
        tx.selectFrom(DIRECTORY_SYNC_OBJECT).forEach(r -> all.put(r.getAnchor(), anchor(r)));
        return all;
    }

    Map<String, Anchor> anchors(DSLContext tx, Collection<String> anchors) {
        Map<String, Anchor> found = new HashMap<>();
        for (List<String> chunk : chunks(anchors)) {
            tx.selectFrom(DIRECTORY_SYNC_OBJECT).where(DIRECTORY_SYNC_OBJECT.ANCHOR.in(chunk))
                    .forEach(r -> found.put(r.getAnchor(), anchor(r)));
        }
        return found;
    }

    /** The anchors stored with these DNs (a delta resolves members that were not read this time). */
    Map<String, Anchor> byDnKeys(DSLContext tx, Collection<String> dnKeys) {
        Map<String, Anchor> found = new HashMap<>();
        for (List<String> chunk : chunks(dnKeys)) {
            tx.selectFrom(DIRECTORY_SYNC_OBJECT).where(DIRECTORY_SYNC_OBJECT.DN_KEY.in(chunk))
                    .forEach(r -> found.put(r.getDnKey(), anchor(r)));
        }
        return found;
    }

    /** Anchors of objects stored by id, so an unanchored on-premises user can be matched by UPN. */
    Set<String> anchoredIds(DSLContext tx, Collection<String> objectIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(objectIds)) {
            tx.select(DIRECTORY_SYNC_OBJECT.USER_ID, DIRECTORY_SYNC_OBJECT.GROUP_ID).from(DIRECTORY_SYNC_OBJECT)
                    .where(DIRECTORY_SYNC_OBJECT.USER_ID.in(chunk).or(DIRECTORY_SYNC_OBJECT.GROUP_ID.in(chunk)))
                    .forEach(r -> found.add(r.value1() != null ? r.value1() : r.value2()));
        }
        return found;
    }

    void insertAnchors(DSLContext tx, List<Anchor> anchors) {
        for (List<Anchor> chunk : chunks(anchors)) {
            tx.batchInsert(chunk.stream().map(a -> {
                DirectorySyncObjectRecord r = tx.newRecord(DIRECTORY_SYNC_OBJECT);
                r.setAnchor(a.anchor());
                r.setUserId(a.userId());
                r.setGroupId(a.groupId());
                r.setDnKey(a.dnKey());
                return r;
            }).toList()).execute();
        }
    }

    void moveAnchor(DSLContext tx, String anchor, String dnKey) {
        tx.update(DIRECTORY_SYNC_OBJECT).set(DIRECTORY_SYNC_OBJECT.DN_KEY, dnKey)
                .where(DIRECTORY_SYNC_OBJECT.ANCHOR.eq(anchor)).execute();
    }

    /** The synced members (users, then groups: member ids) of each of these groups. */
    Map<String, Set<String>> syncedUserMembers(DSLContext tx, Collection<String> groupIds) {
        Map<String, Set<String>> members = new HashMap<>();
        for (List<String> chunk : chunks(groupIds)) {
            tx.select(GROUP_USER_MEMBER.GROUP_ID, GROUP_USER_MEMBER.USER_ID).from(GROUP_USER_MEMBER)
                    .join(DIRECTORY_SYNC_OBJECT).on(DIRECTORY_SYNC_OBJECT.USER_ID.eq(GROUP_USER_MEMBER.USER_ID))
                    .where(GROUP_USER_MEMBER.GROUP_ID.in(chunk))
                    .forEach(r -> members.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        }
        return members;
    }

    Map<String, Set<String>> syncedGroupMembers(DSLContext tx, Collection<String> groupIds) {
        Map<String, Set<String>> members = new HashMap<>();
        for (List<String> chunk : chunks(groupIds)) {
            tx.select(GROUP_GROUP_MEMBER.GROUP_ID, GROUP_GROUP_MEMBER.MEMBER_GROUP_ID).from(GROUP_GROUP_MEMBER)
                    .join(DIRECTORY_SYNC_OBJECT).on(DIRECTORY_SYNC_OBJECT.GROUP_ID.eq(GROUP_GROUP_MEMBER.MEMBER_GROUP_ID))
                    .where(GROUP_GROUP_MEMBER.GROUP_ID.in(chunk))
                    .forEach(r -> members.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        }
        return members;
    }

    // --- Cursor and lease ---

    /** Takes or renews the lease on the directory's sync; false while another server's lease runs. */
    boolean claim(DSLContext dsl, String directory, String owner, Instant now, Instant until) {
        dsl.insertInto(DIRECTORY_SYNC_STATE).set(DIRECTORY_SYNC_STATE.DIRECTORY, directory)
                .onDuplicateKeyIgnore().execute();
        return dsl.update(DIRECTORY_SYNC_STATE)
                .set(DIRECTORY_SYNC_STATE.LEASE_OWNER, owner)
                .set(DIRECTORY_SYNC_STATE.LEASE_UNTIL, DbTime.of(until))
                .where(DIRECTORY_SYNC_STATE.DIRECTORY.eq(directory))
                .and(DIRECTORY_SYNC_STATE.LEASE_OWNER.eq(owner).or(DIRECTORY_SYNC_STATE.LEASE_OWNER.isNull())
                        .or(DIRECTORY_SYNC_STATE.LEASE_UNTIL.lt(DbTime.of(now))))
                .execute() == 1;
    }

    void release(DSLContext dsl, String directory, String owner) {
        dsl.update(DIRECTORY_SYNC_STATE).setNull(DIRECTORY_SYNC_STATE.LEASE_OWNER)
                .setNull(DIRECTORY_SYNC_STATE.LEASE_UNTIL)
                .where(DIRECTORY_SYNC_STATE.DIRECTORY.eq(directory), DIRECTORY_SYNC_STATE.LEASE_OWNER.eq(owner))
                .execute();
    }

    Optional<SyncCursor> cursor(DSLContext dsl, String directory) {
        return dsl.selectFrom(DIRECTORY_SYNC_STATE).where(DIRECTORY_SYNC_STATE.DIRECTORY.eq(directory))
                .fetchOptional().filter(r -> r.getCursorServer() != null)
                .map(r -> new SyncCursor(r.getCursorServer(), r.getCursorUsn() == null ? 0 : r.getCursorUsn(),
                        r.getCursorStamp()));
    }

    /** Moves the cursor, only while holding the lease (a server whose lease ran out can't move it back). */
    boolean saveCursor(DSLContext tx, String directory, String owner, SyncCursor cursor, Instant fullAt) {
        var update = tx.update(DIRECTORY_SYNC_STATE)
                .set(DIRECTORY_SYNC_STATE.CURSOR_SERVER, cursor.server())
                .set(DIRECTORY_SYNC_STATE.CURSOR_USN, cursor.usn())
                .set(DIRECTORY_SYNC_STATE.CURSOR_STAMP, cursor.stamp());
        if (fullAt != null) {
            update = update.set(DIRECTORY_SYNC_STATE.FULL_SYNCED_AT, DbTime.of(fullAt));
        }
        return update.where(DIRECTORY_SYNC_STATE.DIRECTORY.eq(directory), DIRECTORY_SYNC_STATE.LEASE_OWNER.eq(owner))
                .execute() == 1;
    }

    // --- Runs ---

    void startRun(DSLContext dsl, String id, String directory, DirectorySyncMode requested, boolean dryRun,
                  String requestedBy, Instant now) {
        dsl.insertInto(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.ID, id)
                .set(DIRECTORY_SYNC_RUN.DIRECTORY, directory)
                .set(DIRECTORY_SYNC_RUN.REQUESTED_MODE, requested.name())
                .set(DIRECTORY_SYNC_RUN.MODE, requested.name())
                .set(DIRECTORY_SYNC_RUN.DRY_RUN, dryRun)
                .set(DIRECTORY_SYNC_RUN.REQUESTED_BY, requestedBy)
                .set(DIRECTORY_SYNC_RUN.STARTED_AT, DbTime.of(now))
                .set(DIRECTORY_SYNC_RUN.PHASE, DirectorySyncPhase.READING.name())
                .execute();
    }

    void mode(DSLContext dsl, String id, DirectorySyncMode mode, String note) {
        dsl.update(DIRECTORY_SYNC_RUN).set(DIRECTORY_SYNC_RUN.MODE, mode.name())
                .set(DIRECTORY_SYNC_RUN.NOTE, clip(note)).where(DIRECTORY_SYNC_RUN.ID.eq(id)).execute();
    }

    void progress(DSLContext dsl, String id, DirectorySyncPhase phase, int entries, int users, int groups) {
        dsl.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.PHASE, phase.name())
                .set(DIRECTORY_SYNC_RUN.ENTRIES_READ, entries)
                .set(DIRECTORY_SYNC_RUN.USERS_SEEN, users)
                .set(DIRECTORY_SYNC_RUN.GROUPS_SEEN, groups)
                .where(DIRECTORY_SYNC_RUN.ID.eq(id)).execute();
    }

    void counts(DSLContext dsl, String id, SyncCounts c) {
        dsl.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.USERS_ADDED, c.usersAdded())
                .set(DIRECTORY_SYNC_RUN.USERS_UPDATED, c.usersUpdated())
                .set(DIRECTORY_SYNC_RUN.USERS_DELETED, c.usersDeleted())
                .set(DIRECTORY_SYNC_RUN.GROUPS_ADDED, c.groupsAdded())
                .set(DIRECTORY_SYNC_RUN.GROUPS_UPDATED, c.groupsUpdated())
                .set(DIRECTORY_SYNC_RUN.GROUPS_DELETED, c.groupsDeleted())
                .set(DIRECTORY_SYNC_RUN.MEMBERS_ADDED, c.membersAdded())
                .set(DIRECTORY_SYNC_RUN.MEMBERS_REMOVED, c.membersRemoved())
                .set(DIRECTORY_SYNC_RUN.CONFLICTS, c.conflicts())
                .set(DIRECTORY_SYNC_RUN.SKIPPED, c.skipped())
                .where(DIRECTORY_SYNC_RUN.ID.eq(id)).execute();
    }

    void finish(DSLContext dsl, String id, DirectorySyncPhase phase, String error, Instant now) {
        dsl.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.PHASE, phase.name())
                .set(DIRECTORY_SYNC_RUN.FINISHED_AT, DbTime.of(now))
                .set(DIRECTORY_SYNC_RUN.ERROR, error == null ? null : clip(error))
                .where(DIRECTORY_SYNC_RUN.ID.eq(id)).execute();
    }

    Optional<DirectorySyncRunDto> run(DSLContext dsl, String id) {
        return dsl.selectFrom(DIRECTORY_SYNC_RUN).where(DIRECTORY_SYNC_RUN.ID.eq(id)).fetchOptional(SyncStore::runDto);
    }

    List<DirectorySyncRunDto> recentRuns(DSLContext dsl, String directory, int limit) {
        return dsl.selectFrom(DIRECTORY_SYNC_RUN).where(DIRECTORY_SYNC_RUN.DIRECTORY.eq(directory))
                .orderBy(DIRECTORY_SYNC_RUN.STARTED_AT.desc(), DIRECTORY_SYNC_RUN.ID.desc())
                .limit(limit).fetch(SyncStore::runDto);
    }

    // --- Changes ---

    void insertChanges(DSLContext dsl, String runId, List<DirectorySyncChangeDto> changes) {
        List<org.opensspr.server.db.tables.records.DirectorySyncChangeRecord> records = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            DirectorySyncChangeDto c = changes.get(i);
            var r = dsl.newRecord(DIRECTORY_SYNC_CHANGE);
            r.setRunId(runId);
            r.setSeq(i);
            r.setKind(c.kind().name());
            r.setTarget(clip(c.target(), 600));
            r.setDetail(clip(c.detail(), 2048));
            r.setFieldsJson(fieldsJson(c.fields()));
            records.add(r);
        }
        for (var chunk : chunks(records)) {
            dsl.batchInsert(chunk).execute();
        }
    }

    int countChanges(DSLContext dsl, String runId) {
        return dsl.fetchCount(DIRECTORY_SYNC_CHANGE, DIRECTORY_SYNC_CHANGE.RUN_ID.eq(runId));
    }

    List<DirectorySyncChangeDto> changes(DSLContext dsl, String runId, int offset, int limit) {
        return dsl.selectFrom(DIRECTORY_SYNC_CHANGE).where(DIRECTORY_SYNC_CHANGE.RUN_ID.eq(runId))
                .orderBy(DIRECTORY_SYNC_CHANGE.SEQ).offset(offset).limit(limit)
                .fetch(r -> new DirectorySyncChangeDto(
                        org.opensspr.api.DirectorySyncChangeKind.valueOf(r.getKind()), r.getTarget(), r.getDetail(),
                        fields(r.getFieldsJson())));
    }

    private static String fieldsJson(List<FieldChangeDto> fields) {
        try {
            String json = MAPPER.writeValueAsString(fields);
            // a column holds 16,000 characters: an oversized value list keeps the field names
            return json.length() <= 16_000 ? json : MAPPER.writeValueAsString(fields.stream()
                    .map(f -> new FieldChangeDto(f.path(), null, null)).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldChangeDto> fields(String json) {
        try {
            return MAPPER.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static DirectorySyncRunDto runDto(Record r) {
        var run = r.into(DIRECTORY_SYNC_RUN);
        return new DirectorySyncRunDto(run.getId(), DirectorySyncMode.valueOf(run.getRequestedMode()),
                DirectorySyncMode.valueOf(run.getMode()), run.getDryRun(), run.getRequestedBy(),
                DbTime.instant(run.getStartedAt()),
                run.getFinishedAt() == null ? null : DbTime.instant(run.getFinishedAt()),
                DirectorySyncPhase.valueOf(run.getPhase()), run.getEntriesRead(), run.getUsersSeen(),
                run.getGroupsSeen(), run.getUsersAdded(), run.getUsersUpdated(), run.getUsersDeleted(),
                run.getGroupsAdded(), run.getGroupsUpdated(), run.getGroupsDeleted(), run.getMembersAdded(),
                run.getMembersRemoved(), run.getConflicts(), run.getSkipped(), run.getNote(), run.getError());
    }

    private static Anchor anchor(DirectorySyncObjectRecord r) {
        return new Anchor(r.getAnchor(), r.getUserId(), r.getGroupId(), r.getDnKey());
    }

    private static String clip(String text) {
        return clip(text, TEXT);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }
}
