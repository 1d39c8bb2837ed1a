package org.opensspr.client;

/**
 * The server answered, but not with what this client understands: a success whose body is not the
 * expected JSON, or a status that is neither success nor error (a redirect). Usually means the URL
 * points at something that is not an OpenSSPR server, or client and server versions don't match.
 */
public final class UnexpectedResponseException extends OpenSsprException {

    private final int status;

    UnexpectedResponseException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
