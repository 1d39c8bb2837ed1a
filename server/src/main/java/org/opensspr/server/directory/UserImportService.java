package org.opensspr.server.directory;

import org.opensspr.server.db.DbTime;
import org.jooq.DSLContext;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;
import org.opensspr.server.db.Database;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports users with their groups and roles from CSV, all or nothing: every row is checked first
 * (formats, duplicates within the file, UPNs already taken) and every problem reported; only a file
 * without any is written, in one transaction. Groups named in the file that don't exist are created.
 * Contact data in the file counts as registered, as when an administrator pre-fills it.
 */
public final class UserImportService {
    private final Database db;
    private final java.time.Clock clock;
    private final DirectoryRepository users = new DirectoryRepository();
    private final GroupRepository groups = new GroupRepository();

    private final org.opensspr.server.audit.AuditLog audit;

    public UserImportService(Database db, java.time.Clock clock, org.opensspr.server.audit.AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    public ImportResultDto importCsv(DirectoryActor actor, byte[] file) {
        actor.require(Permission.MANAGE_USERS, "Importing users needs the user administrator role.");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return rejected(firstBadUtf8Line(file), "The file is not UTF-8 text.");
        }
        List<CsvRecord> records;
        try {
            records = CsvParser.parse(text);
        } catch (CsvSyntaxException e) {
            return rejected(e.line(), e.getMessage());
        }
        if (records.isEmpty()) {
            return rejected(1, "The file is empty; its first line must be the header " + String.join(",",
                    ImportRowReader.COLUMNS) + ".");
        }
        ImportRowReader.Result<ImportRowReader> reader = ImportRowReader.forHeader(records.getFirst());
        if (!reader.succeeded()) {
            return ImportResultDto.rejected(reader.errors());
        }
        List<ImportRowErrorDto> errors = new ArrayList<>();
        List<ImportRow> rows = readRows(reader.value(), records.subList(1, records.size()), errors);
        if (rows.stream().anyMatch(r -> !r.roles().isEmpty())) {
            actor.require(Permission.MANAGE_ROLES, "The file assigns roles, which needs the Global administrator role.");
        }
        if (rows.stream().anyMatch(r -> !r.groupNames().isEmpty())) {
            actor.require(Permission.MANAGE_GROUPS, "The file puts users into groups.");
        }
        Instant now = DbTime.now(clock);
        return UniqueKeys.guard("Another change added users or groups of this file at the same time; nothing was"
                + " imported. Try again.", () -> db.inTransaction(tx -> {
            Set<String> taken = users.existingUpnKeys(tx, rows.stream().map(r -> UserRow.upnKeyOf(
                    r.user().userPrincipalName())).toList());
            rows.stream().filter(r -> taken.contains(UserRow.upnKeyOf(r.user().userPrincipalName())))
                    .forEach(r -> errors.add(new ImportRowErrorDto(r.line(), "upn", "A user with the UPN '"
                            + r.user().userPrincipalName() + "' already exists.")));
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(ImportRowErrorDto::line));
                return ImportResultDto.rejected(errors);
            }
            ImportResultDto imported = write(tx, rows, now);
            // One entry per file: a file may hold a hundred thousand users.
            audit.append(tx, org.opensspr.server.audit.AuditEntry.success(
                    org.opensspr.api.AuditActivity.IMPORT_USERS, actor.name(), "directory").withDetails(
                    imported.importedCount() + " users, " + imported.createdGroups().size() + " new groups"));
            return imported;
        }));
    }

    /** Reads every data row (skipping empty lines) and reports UPNs that appear twice in the file. */
    private static List<ImportRow> readRows(ImportRowReader reader, List<CsvRecord> records,
                                            List<ImportRowErrorDto> errors) {
        List<ImportRow> rows = new ArrayList<>();
        Map<String, Integer> firstLineOfUpn = new HashMap<>();
        for (CsvRecord record : records) {
            if (record.isBlank()) {
                continue;
            }
            ImportRowReader.Result<ImportRow> row = reader.read(record);
            errors.addAll(row.errors());
            if (row.succeeded()) {
                String upn = row.value().user().userPrincipalName();
                Integer first = firstLineOfUpn.putIfAbsent(UserRow.upnKeyOf(upn), record.line());
                if (first != null) {
                    errors.add(new ImportRowErrorDto(record.line(), "upn", "The UPN '" + upn
                            + "' appears on line " + first + " already."));
                } else {
                    rows.add(row.value());
                }
            }
        }
        return rows;
    }

    private ImportResultDto write(DSLContext tx, List<ImportRow> rows, Instant now) {
        Map<String, String> groupIds = new HashMap<>(groups.idsByNameKey(tx, rows.stream()
                .flatMap(r -> r.groupNames().stream()).map(GroupRow::nameKeyOf).distinct().toList()));
        Map<String, GroupRow> created = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            for (String name : row.groupNames()) {
                String key = GroupRow.nameKeyOf(name);
                if (!groupIds.containsKey(key)) {
                    GroupRow group = new GroupRow(UUID.randomUUID().toString(), name, "", now);
                    groupIds.put(key, group.id());
                    created.put(key, group);
                }
            }
        }
        groups.insertGroups(tx, List.copyOf(created.values()));
        List<UserRow> userRows = new ArrayList<>();
        Map<String, Set<Role>> roles = new HashMap<>();
        Map<String, List<MethodRegistration>> registrations = new HashMap<>();
        List<Map.Entry<String, String>> memberships = new ArrayList<>();
        for (ImportRow row : rows) {
            UserRow user = DirectoryService.rowOf(UUID.randomUUID().toString(), row.user(), false, now, now);
            userRows.add(user);
            roles.put(user.id(), row.roles());
            registrations.put(user.id(), ContactPrefill.forNewUser(user.contact(), now));
            row.groupNames().forEach(name -> memberships.add(Map.entry(groupIds.get(GroupRow.nameKeyOf(name)), user.id())));
        }
        users.insertUsers(tx, userRows);
        users.insertRoles(tx, roles);
        users.insertRegistrations(tx, registrations);
        groups.insertUserMembers(tx, memberships);
        return new ImportResultDto(userRows.size(), created.values().stream().map(GroupRow::name).toList(), List.of());
    }

    private static ImportResultDto rejected(int line, String message) {
        return ImportResultDto.rejected(List.of(new ImportRowErrorDto(line, "", message)));
    }

    /** The line of the first byte sequence that is not UTF-8. */
    private static int firstBadUtf8Line(byte[] file) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        var out = java.nio.CharBuffer.allocate(file.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
