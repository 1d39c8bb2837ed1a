package org.opensspr.server.directory;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import java.util.List;

/** Turns the problems found in a request's values into one VALIDATION_FAILED answer naming every field. */
final class Problems {
    private Problems() {
    }

    static void throwIfAny(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String message = problems.size() == 1 ? problems.getFirst().message()
                : problems.size() + " values are not valid: " + problems.getFirst().message() + " …";
        throw new ApiException(ErrorCode.VALIDATION_FAILED, message,
                problems.stream().map(p -> new ApiError.FieldError(p.field(), p.code(), p.message())).toList(), null);
    }

    static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }
}
