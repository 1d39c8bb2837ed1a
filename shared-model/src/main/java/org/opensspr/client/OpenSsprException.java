package org.opensspr.client;

/**
 * Everything that can go wrong when talking to the OpenSSPR server. Callers switch over the five
 * kinds instead of looking at HTTP status codes or I/O exceptions.
 *
 * <p>Messages and {@code toString()} never contain secrets: no passwords, codes or tokens, and no
 * response bodies (which might hold them).
 */
public abstract sealed class OpenSsprException extends RuntimeException
        permits OpenSsprApiException, ServerUnreachableException, CertificatePinMismatchException,
        TlsFailureException, UnexpectedResponseException {

    OpenSsprException(String message, Throwable cause) {
        super(message, cause);
    }
}
