package org.opensspr.client;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ApiError;
import org.opensspr.api.ImportRowErrorDto;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportProblemsTest {

    @Test
    void placesBecomeLinesAndColumns() {
        assertThat(ImportProblems.rows(List.of(error("lines[4].upn", "taken"), error("lines[1]", "not UTF-8"))))
                .contains(List.of(new ImportRowErrorDto(4, "upn", "taken"), new ImportRowErrorDto(1, "", "not UTF-8")));
    }

    @Test
    void anAnswerThatIsNotAnImportsIsNotReadAsOne() {
        assertThat(ImportProblems.rows(List.of())).isEmpty();
        for (String field : List.of("password", "lines[0]", "lines[-1]", "lines[x].upn", "lines[4]upn", "lines[4].",
                "xlines[4]", "lines[99999999999]")) {
            assertThat(ImportProblems.rows(List.of(error("lines[2]", "ok"), error(field, "?")))).as(field).isEmpty();
        }
        assertThat(ImportProblems.rows(List.of(new ApiError.FieldError(null, "X", null)))).isEmpty();
    }

    @Property
    void everyLineAndColumnReadsBack(@ForAll @IntRange(min = 1) int line, @ForAll("columns") String column) {
        String field = column.isEmpty() ? "lines[" + line + "]" : "lines[" + line + "]." + column;
        assertThat(ImportProblems.rows(List.of(error(field, "m"))))
                .contains(List.of(new ImportRowErrorDto(line, column, "m")));
    }

    @Provide
    Arbitrary<String> columns() {
        return Arbitraries.of("", "upn", "givenName", "alternateEmail", "roles", "groups");
    }

    private static ApiError.FieldError error(String field, String message) {
        return new ApiError.FieldError(field, "INVALID_VALUE", message);
    }
}
