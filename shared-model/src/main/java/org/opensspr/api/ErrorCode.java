package org.opensspr.api;

import java.util.Locale;

/**
 * The stable error codes of the HTTP API. The server sends {@link #name()} as {@code ApiError.code}
 * with {@link #httpStatus()}; clients switch on the code, never on the status or the message.
 *
 * <p>Codes are only ever added, never renamed: a client meeting a code it doesn't know yet reads it
 * as {@link #UNKNOWN} ({@link #fromWire(String)}) and still has the server's message and status.
 */
public enum ErrorCode {
    // The request itself
    MALFORMED_JSON(400, "The request body is not valid JSON."),
    MISSING_FIELD(400, "A required field is missing."),
    WRONG_TYPE(400, "A field has the wrong type."),
    INVALID_VALUE(400, "A field has a value that is not allowed."),
    BAD_REQUEST(400, "The request was not understood."),
    VALIDATION_FAILED(422, "Some values are not valid."),
    PAYLOAD_TOO_LARGE(413, "The request is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "The request must be sent as application/json."),
    METHOD_NOT_ALLOWED(405, "This method is not allowed here."),
    NOT_FOUND(404, "Not found."),

    // Who is asking
    UNAUTHENTICATED(401, "Sign in first."),
    SESSION_EXPIRED(401, "Your session has expired. Sign in again."),
    INVALID_CREDENTIALS(401, "The user name, password or verification code is not correct."),
    FORBIDDEN(403, "You are not allowed to do this."),
    KIOSK_NETWORK_DENIED(403, "This kiosk may not connect from its current network."),
    KIOSK_REVOKED(401, "This kiosk's enrollment has been revoked."),

    // State
    CONFLICT(409, "The request conflicts with the current state."),
    TICKET_ALREADY_USED(409, "This ticket has already been used."),
    VERSION_CONFLICT(409, "Someone else changed this in the meantime. Reload and try again."),
    FLOW_EXPIRED(410, "This password reset has expired. Start again."),

    // Proofs and limits
    CAPTCHA_INVALID(400, "The characters you typed don't match the picture."),
    CODE_INVALID(400, "The code is not correct."),
    THROTTLED(429, "Too many attempts. Try again later."),
    ACCOUNT_LOCKED(423, "The account is locked. Try again later."),

    // The server
    INTERNAL_ERROR(500, "Something went wrong on the server."),
    SERVICE_UNAVAILABLE(503, "The service is not available right now. Try again later."),
    /** Too many requests are hashing at once: this one was turned away before it did anything (ADR 28). */
    BUSY(503, "The server is busy and did nothing with this request. Try again in a moment."),

    // The organization's on-premises directory, for accounts whose password lives there
    DIRECTORY_UNAVAILABLE(503, "Your organization's directory can't be reached right now. Try again in a few minutes."),
    DIRECTORY_REFUSED(409, "Your organization's directory didn't allow this change. Contact your administrator."),

    /** A code this client doesn't know (a newer server) or no code at all; never sent by the server. */
    UNKNOWN(500, "An unexpected error occurred.");

    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int httpStatus, String defaultMessage) {
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The HTTP status the server answers with when it reports this code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A readable English message for when the server gave none. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code as written in JSON. */
    public String wire() {
        return name();
    }

    /**
     * Reads a code from the wire; never throws. Unknown, blank or missing codes read as {@link #UNKNOWN}.
     * Case is ignored so that a hand-written error body still maps.
     */
    public static ErrorCode fromWire(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    /**
     * The most likely code for an error status that came without a readable body (a reverse proxy's
     * HTML page, for example). Gateway errors mean the server behind the proxy is not answering.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 410 -> FLOW_EXPIRED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 423 -> ACCOUNT_LOCKED;
            case 429 -> THROTTLED;
            case 500 -> INTERNAL_ERROR;
            case 502, 503, 504 -> SERVICE_UNAVAILABLE;
            default -> UNKNOWN;
        };
    }
}
