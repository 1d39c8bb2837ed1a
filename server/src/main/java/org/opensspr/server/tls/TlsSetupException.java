package org.opensspr.server.tls;

/**
 * The server's TLS certificate can't be set up: a provided keystore is missing, unreadable, has the
 * wrong password or no private key, or the data directory can't hold a generated one. The message
 * says what to fix; it never contains a password.
 */
public final class TlsSetupException extends RuntimeException {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
