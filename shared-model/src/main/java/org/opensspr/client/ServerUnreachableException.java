package org.opensspr.client;

/** No answer came from the server; {@link #reason()} says why. */
public final class ServerUnreachableException extends OpenSsprException {

    /** Why no answer came. */
    public enum Reason {
        /** The server's name could not be resolved. */
        UNKNOWN_HOST("the server name cannot be resolved"),
        /** Nothing listens at the address (the server is not running, or a wrong port). */
        CONNECTION_REFUSED("the connection was refused"),
        /** No network path to the server. */
        NO_ROUTE("there is no network route to the server"),
        /** The connection could not be opened within the connect timeout. */
        CONNECT_TIMEOUT("connecting timed out"),
        /** Connected, but the server did not answer within the read timeout. */
        READ_TIMEOUT("the server did not answer in time"),
        /** The whole call took longer than the call timeout. */
        CALL_TIMEOUT("the call took too long"),
        /** The connection broke (reset, closed early). */
        CONNECTION_FAILED("the connection failed");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final String serverUrl;

    ServerUnreachableException(Reason reason, String serverUrl, Throwable cause) {
        super("Cannot reach the OpenSSPR server at " + serverUrl + ": " + reason.description(), cause);
        this.reason = reason;
        this.serverUrl = serverUrl;
    }

    public Reason reason() {
        return reason;
    }

    /** The server's base URL. */
    public String serverUrl() {
        return serverUrl;
    }
}
