package org.opensspr.api;

import java.util.List;

/**
 * The outcome of a user import, which is all or nothing: either every row was imported (with the
 * groups it had to create), or nothing was and {@code errors} lists every problem found.
 */
public record ImportResultDto(int importedCount, List<String> createdGroups, List<ImportRowErrorDto> errors) {
    public ImportResultDto {
        createdGroups = createdGroups == null ? List.of() : List.copyOf(createdGroups);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ImportResultDto rejected(List<ImportRowErrorDto> errors) {
        return new ImportResultDto(0, List.of(), errors);
    }

    /** Whether the file was imported; false means nothing changed. */
    public boolean imported() {
        return errors.isEmpty();
    }
}
