package org.opensspr.server.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditQueryParametersTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            activity | Reset password (self-service) | RESET_PASSWORD_SELF_SERVICE
            activity | Blocked from self-service password reset | BLOCKED_FROM_SSPR
            result   | FAILURE                        | FAILURE
            from     | 2026-11-03T10:15:30Z           | 2026-11-03T10:15:30Z
            from     | 2026-11-03T11:15:30+01:00      | 2026-11-03T10:15:30Z
            from     | 2026-11-03T11:15:30 01:00      | 2026-11-03T10:15:30Z
            to       | 2026-11-03T10:15:30.5Z         | 2026-11-03T10:15:30.500Z
            actor    | ' alice@contoso.example '      | alice@contoso.example
            target   | bob@contoso.example            | bob@contoso.example
            """)
    void readsEachFilter(String name, String value, String expected) {
        AuditQuery query = AuditQueryParameters.parse(parameters(Map.of(name, value)));

        Object actual = switch (name) {
            case "activity" -> query.activity();
            case "result" -> query.result();
            case "from" -> query.from();
            case "to" -> query.to();
            case "actor" -> query.actor();
            default -> query.target();
        };
        Object wanted = switch (name) {
            case "activity" -> AuditActivity.valueOf(expected);
            case "result" -> AuditResult.valueOf(expected);
            case "from", "to" -> Instant.parse(expected);
            default -> expected;
        };
        assertThat(actual).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            activity | Password reset             | INVALID_VALUE
            activity | BLOCKED_FROM_SSPR          | INVALID_VALUE
            activity | reset password (self-service) | INVALID_VALUE
            result   | failure                    | INVALID_VALUE
            result   | MAYBE                      | INVALID_VALUE
            from     | yesterday                  | WRONG_TYPE
            to       | 2026-11-03                 | WRONG_TYPE
            from     | 2026-11-03T25:00:00Z       | WRONG_TYPE
            """)
    void refusesBadValuesNamingTheParameter(String name, String value, ErrorCode code) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> AuditQueryParameters.parse(parameters(Map.of(name, value))));

        assertThat(e.code()).isEqualTo(code);
        assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(name));
    }

    @org.junit.jupiter.api.Test
    void refusesATimeRangeThatEndsBeforeItStarts() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> AuditQueryParameters.parse(parameters(
                Map.of("from", "2026-11-03T10:00:00Z", "to", "2026-11-03T09:00:00Z"))));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    }

    private static java.util.function.Function<String, Optional<String>> parameters(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }
}
