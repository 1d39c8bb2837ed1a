package org.opensspr.client;

import org.opensspr.api.ApiError;
import org.opensspr.api.ImportRowErrorDto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a refused import's field errors back into rows: the server names each problem's place
 * {@code lines[N]} (the whole line) or {@code lines[N].column}.
 */
final class ImportProblems {
    private static final Pattern PLACE = Pattern.compile("lines\\[([1-9][0-9]{0,9})](?:\\.(.+))?");

    private ImportProblems() {
    }

    /** The rows at fault, in the server's order; empty when some error doesn't name a line (not an import's answer). */
    static Optional<List<ImportRowErrorDto>> rows(List<ApiError.FieldError> errors) {
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<ImportRowErrorDto> rows = new ArrayList<>(errors.size());
        for (ApiError.FieldError error : errors) {
            Matcher place = PLACE.matcher(error.field() == null ? "" : error.field());
            if (!place.matches()) {
                return Optional.empty();
            }
            long line = Long.parseLong(place.group(1));
            if (line > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            rows.add(new ImportRowErrorDto((int) line, place.group(2) == null ? "" : place.group(2),
                    error.message() == null ? "" : error.message()));
        }
        return Optional.of(List.copyOf(rows));
    }
}
