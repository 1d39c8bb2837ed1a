package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON body of every error the server answers with. {@code code} is an {@link ErrorCode} name,
 * kept as text so that a newer server's codes survive; {@code retryAfter} comes with
 * {@link ErrorCode#THROTTLED} and {@link ErrorCode#ACCOUNT_LOCKED}.
 */
@JsonClassDescription("The body of every error the server answers with")
public record ApiError(
        @JsonPropertyDescription("What went wrong, as a stable code to switch on (an ErrorCode name)") String code,
        @JsonPropertyDescription("A readable message for people; never parse it") String message,
        @JsonPropertyDescription("What is wrong with which field, for VALIDATION_FAILED and the other field errors")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @OptionalField List<FieldError> fieldErrors,
        @JsonPropertyDescription("The server's id for this request, to find it in the server log") String requestId,
        @JsonPropertyDescription("When trying again can succeed (THROTTLED, ACCOUNT_LOCKED)")
        @OptionalField Instant retryAfter) implements Serializable {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** An error with the code's default message and nothing else. */
    public static ApiError of(ErrorCode code) {
        return of(code, code.defaultMessage());
    }

    public static ApiError of(ErrorCode code, String message) {
        Objects.requireNonNull(code, "code");
        return new ApiError(code.wire(), message, List.of(), null, null);
    }

    /** The code as this build knows it; {@link ErrorCode#UNKNOWN} for codes from a newer server. */
    public ErrorCode errorCode() {
        return ErrorCode.fromWire(code);
    }

    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAfter);
    }

    public ApiError withFieldErrors(List<FieldError> errors) {
        return new ApiError(code, message, errors, requestId, retryAfter);
    }

    public ApiError withRequestId(String id) {
        return new ApiError(code, message, fieldErrors, id, retryAfter);
    }

    public ApiError withRetryAfter(Instant when) {
        return new ApiError(code, message, fieldErrors, requestId, when);
    }

    /** One invalid field. */
    @JsonClassDescription("One invalid field")
    public record FieldError(
            @JsonPropertyDescription("The field's JSON path, e.g. password or methods[2].kind") String field,
            @JsonPropertyDescription("What is wrong, in upper snake case (e.g. REQUIRED, TOO_SHORT)") String code,
            @JsonPropertyDescription("A readable message for people") String message) implements Serializable {
    }
}
