package org.opensspr.server.http;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;

import java.time.Instant;
import java.util.List;

/**
 * A request the server refuses, with the stable code and readable message the client receives.
 * Thrown anywhere below a handler; the HTTP layer turns it into the JSON error body.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<ApiError.FieldError> fieldErrors;
    private final Instant retryAfter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public ApiException(ErrorCode code, String message, List<ApiError.FieldError> fieldErrors, Instant retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    public static ApiException field(ErrorCode code, String field, String message) {
        return new ApiException(code, message, List.of(new ApiError.FieldError(field, code.wire(), message)), null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " was not found.");
    }

    public ErrorCode code() {
        return code;
    }

    public List<ApiError.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Instant retryAfter() {
        return retryAfter;
    }

    public ApiError toError(String requestId) {
        return new ApiError(code.wire(), getMessage(), fieldErrors, requestId, retryAfter);
    }
}
