package org.opensspr.client;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server answered with an error. {@link #code()} says what happened; {@link #error()} is the
 * server's whole answer. When the answer had no readable {@link ApiError} body (a proxy's HTML page,
 * for example) the code is derived from the HTTP status ({@link ErrorCode#forStatus(int)}).
 */
public final class OpenSsprApiException extends OpenSsprException {

    private final int status;
    private final ApiError error;

    OpenSsprApiException(int status, ApiError error) {
        super(describe(status, error), null);
        this.status = status;
        this.error = error;
    }

    /** The error code; {@link ErrorCode#UNKNOWN} for a code this client doesn't know. */
    public ErrorCode code() {
        return error.errorCode();
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The server's answer (or the one derived from the status, with the code's default message). */
    public ApiError error() {
        return error;
    }

    public List<ApiError.FieldError> fieldErrors() {
        return error.fieldErrors();
    }

    /** When trying again can succeed, for {@link ErrorCode#THROTTLED} and {@link ErrorCode#ACCOUNT_LOCKED}. */
    public Optional<Instant> retryAfter() {
        return error.retryAt();
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(error.requestId());
    }

    private static String describe(int status, ApiError error) {
        StringBuilder s = new StringBuilder().append(error.code()).append(" (HTTP ").append(status).append(')');
        if (error.message() != null) {
            s.append(": ").append(error.message());
        }
        if (!error.fieldErrors().isEmpty()) {
            s.append(" [");
            for (int i = 0; i < error.fieldErrors().size(); i++) {
                ApiError.FieldError f = error.fieldErrors().get(i);
                s.append(i == 0 ? "" : ", ").append(f.field()).append(": ").append(f.code());
            }
            s.append(']');
        }
        if (error.requestId() != null) {
            s.append(" (request ").append(error.requestId()).append(')');
        }
        return s.toString();
    }
}
