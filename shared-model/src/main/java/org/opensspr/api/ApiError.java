package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON body of every error the server answers with.
 *
 * @param code        an {@link ErrorCode} name; kept as text so that a newer server's codes survive
 * @param message     a readable message for people (never parsed by clients)
 * @param fieldErrors what is wrong with which field, for {@link ErrorCode#VALIDATION_FAILED} and friends
 * @param requestId   the server's id for this request, to find it in the server log; may be null
 * @param retryAfter  for {@link ErrorCode#THROTTLED} and {@link ErrorCode#ACCOUNT_LOCKED}: when trying
 *                    again can succeed; null otherwise
 */
public record ApiError(
        String code,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> fieldErrors,
        String requestId,
        Instant retryAfter) implements Serializable {

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

    /**
     * One invalid field.
     *
     * @param field   the field's JSON path, for example {@code "password"} or {@code "methods[2].kind"}
     * @param code    what is wrong, in upper snake case (for example {@code "REQUIRED"}, {@code "TOO_SHORT"})
     * @param message a readable message for people
     */
    public record FieldError(String field, String code, String message) implements Serializable {
    }
}
