package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditResult;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiEnums;
import org.opensspr.server.http.ApiException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code GET /audit}'s filter parameters: {@code activity} (in Entra's wording) and {@code result}
 * (SUCCESS | FAILURE), exactly as entries carry them; {@code actor}, {@code target}; {@code from} and {@code to}
 * (ISO-8601 instants). Every mistake is the client's and answered with the parameter's name.
 */
public final class AuditQueryParameters {
    private AuditQueryParameters() {
    }

    public static AuditQuery parse(Function<String, Optional<String>> parameter) {
        AuditActivity activity = parameter.apply("activity")
                .map(text -> ApiEnums.parse(AuditActivity.class, "activity", text)).orElse(null);
        AuditResult result = parameter.apply("result").map(text -> ApiEnums.parse(AuditResult.class, "result", text))
                .orElse(null);
        Instant from = parameter.apply("from").map(text -> instant("from", text)).orElse(null);
        Instant to = parameter.apply("to").map(text -> instant("to", text)).orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "to", "'to' must not be before 'from'.");
        }
        return new AuditQuery(activity, parameter.apply("actor").orElse(null),
                parameter.apply("target").orElse(null), result, from, to);
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
