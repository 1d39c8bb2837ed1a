package org.opensspr.server.directory;

import org.opensspr.api.ImportColumns;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the header and the rows of a user import file. The header names every column once, in any
 * order; each row is read into an {@link ImportRow}, or every problem with it is reported with its
 * line and column. Groups and roles are lists separated by ';'.
 */
public final class ImportRowReader {
    public static final List<String> COLUMNS = ImportColumns.NAMES;
    /** The user fields are checked under their API names; the file calls the UPN column "upn". */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("userPrincipalName", "upn");

    private final Map<String, Integer> indexOf;

    private ImportRowReader(Map<String, Integer> indexOf) {
        this.indexOf = indexOf;
    }

    /** The reader for this header, or the header's problems (reported on line 1). */
    public static Result<ImportRowReader> forHeader(CsvRecord header) {
        Map<String, Integer> indexOf = new HashMap<>();
        List<ImportRowErrorDto> errors = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            Optional<String> column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
            if (column.isEmpty()) {
                errors.add(new ImportRowErrorDto(header.line(), name, "Unknown column '" + name + "'; the columns are "
                        + String.join(",", COLUMNS) + "."));
            } else if (indexOf.putIfAbsent(column.get(), i) != null) {
                errors.add(new ImportRowErrorDto(header.line(), column.get(), "The column '" + column.get()
                        + "' appears twice."));
            }
        }
        COLUMNS.stream().filter(c -> !indexOf.containsKey(c)).forEach(c -> errors.add(
                new ImportRowErrorDto(header.line(), c, "The header lacks the column '" + c + "'.")));
        return errors.isEmpty() ? Result.ok(new ImportRowReader(indexOf)) : Result.failed(errors);
    }

    public Result<ImportRow> read(CsvRecord record) {
        if (record.fields().size() != COLUMNS.size()) {
            return Result.failed(List.of(new ImportRowErrorDto(record.line(), "", "Expected " + COLUMNS.size()
                    + " values, found " + record.fields().size() + ".")));
        }
        List<ImportRowErrorDto> errors = new ArrayList<>();
        UserSource source = parseSource(record, errors);
        Boolean enabled = parseEnabled(record, errors);
        Set<Role> roles = parseRoles(record, errors);
        List<String> groups = parseGroups(record, errors);
        UserDraft draft = new UserDraft(value(record, "upn"), value(record, "givenName"), value(record, "surname"),
                value(record, "displayName"), source, enabled != null && enabled, false,
                new ContactInfo(value(record, "primaryEmail"), value(record, "alternateEmail"),
                        value(record, "mobilePhone"), value(record, "officePhone")),
                value(record, "preferredLanguage"));
        draft.problems().stream()
                .filter(p -> source != null || !p.field().equals("source"))
                .forEach(p -> errors.add(new ImportRowErrorDto(record.line(),
                        COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()), p.message())));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(e -> COLUMNS.indexOf(e.column())));
            return Result.failed(errors);
        }
        return Result.ok(new ImportRow(record.line(), draft.canonical(), groups, roles));
    }

    private String value(CsvRecord record, String column) {
        return record.fields().get(indexOf.get(column)).strip();
    }

    private UserSource parseSource(CsvRecord record, List<ImportRowErrorDto> errors) {
        String text = value(record, "source");
        for (UserSource source : UserSource.values()) {
            if (source.name().equalsIgnoreCase(text)) {
                return source;
            }
        }
        errors.add(new ImportRowErrorDto(record.line(), "source", text.isEmpty() ? "The source is required: CLOUD or"
                + " ON_PREMISES." : "The source '" + text + "' must be CLOUD or ON_PREMISES."));
        return null;
    }

    private Boolean parseEnabled(CsvRecord record, List<ImportRowErrorDto> errors) {
        String text = value(record, "enabled").toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        errors.add(new ImportRowErrorDto(record.line(), "enabled", "'enabled' must be true or false, not '"
                + value(record, "enabled") + "'."));
        return null;
    }

    private Set<Role> parseRoles(CsvRecord record, List<ImportRowErrorDto> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : list(value(record, "roles"))) {
            Optional<Role> role = DirectoryRepository.roleNamed(name.toUpperCase(Locale.ROOT));
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                errors.add(new ImportRowErrorDto(record.line(), "roles", "'" + name + "' is not a role; roles are "
                        + List.of(Role.values()) + "."));
            }
        }
        return roles;
    }

    private List<String> parseGroups(CsvRecord record, List<ImportRowErrorDto> errors) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String name : list(value(record, "groups"))) {
            FieldRules.groupName("groups", name).ifPresentOrElse(
                    p -> errors.add(new ImportRowErrorDto(record.line(), "groups", "'" + name + "': " + p.message())),
                    () -> byKey.putIfAbsent(GroupRow.nameKeyOf(name), name));
        }
        return List.copyOf(byKey.values());
    }

    private static Set<String> list(String text) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : text.split(";")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** A value, or the problems that stopped it. */
    public record Result<T>(T value, List<ImportRowErrorDto> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        static <T> Result<T> ok(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> failed(List<ImportRowErrorDto> errors) {
            return new Result<>(null, errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }
}
