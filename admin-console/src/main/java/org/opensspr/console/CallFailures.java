package org.opensspr.console;

import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.ServerUnreachableException;

/** A failed server call in words an administrator can act on: the server's own reason where it gave one. */
public final class CallFailures {
    private CallFailures() {
    }

    public static String describe(ConsoleContext context, Exception failure) {
        return switch (failure) {
            case ServerUnreachableException e -> context.text("call.unreachable");
            case OpenSsprApiException e when e.code() == ErrorCode.FORBIDDEN -> context.text("call.forbidden");
            case OpenSsprApiException e when e.code() == ErrorCode.SESSION_EXPIRED
                    || e.code() == ErrorCode.UNAUTHENTICATED -> context.text("call.session");
            case OpenSsprApiException e when !e.fieldErrors().isEmpty() -> e.fieldErrors().stream()
                    .map(ApiError.FieldError::message).distinct().reduce((a, b) -> a + " " + b).orElse("");
            case OpenSsprApiException e when e.error().message() != null -> e.error().message();
            default -> context.text("call.failed", String.valueOf(failure.getMessage()));
        };
    }
}
