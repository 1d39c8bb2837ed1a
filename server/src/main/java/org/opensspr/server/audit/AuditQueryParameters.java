package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code GET /audit}'s filter parameters: {@code activity} (constant or Entra name), {@code actor},
 * {@code target}, {@code result} (SUCCESS | FAILURE), {@code from} and {@code to} (ISO-8601 instants).
 * Every mistake is the client's and answered with the parameter's name.
 */
final class AuditQueryParameters {
    private AuditQueryParameters() {
    }

    static AuditQuery parse(Function<String, Optional<String>> parameter) {
        AuditActivity activity = parameter.apply("activity").map(AuditQueryParameters::activity).orElse(null);
        AuditResult result = parameter.apply("result").map(AuditQueryParameters::result).orElse(null);
        Instant from = parameter.apply("from").map(text -> instant("from", text)).orElse(null);
        Instant to = parameter.apply("to").map(text -> instant("to", text)).orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "to", "'to' must not be before 'from'.");
        }
        return new AuditQuery(activity, parameter.apply("actor").orElse(null),
                parameter.apply("target").orElse(null), result, from, to);
    }

    private static AuditActivity activity(String text) {
        return AuditActivity.parse(text).orElseThrow(() -> ApiException.field(ErrorCode.INVALID_VALUE, "activity",
                "'activity' must be one of " + Arrays.stream(AuditActivity.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + " (or Entra's name of the activity)."));
    }

    private static AuditResult result(String text) {
        try {
            return AuditResult.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "result", "'result' must be SUCCESS or FAILURE.");
        }
    }

    private static Instant instant(String name, String text) {
        // A '+' in an offset arrives as a space when the client didn't encode it; a space is never valid here.
        String value = text.strip().replace(' ', '+');
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.field(ErrorCode.WRONG_TYPE, name,
                        "'" + name + "' must be an ISO-8601 time such as 2026-11-03T10:15:30Z.");
            }
        }
    }
}
