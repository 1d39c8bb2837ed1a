package org.opensspr.server.crypto;

/** A sealed secret that can't be opened: damaged, sealed for another purpose, or under another key. */
public final class SealedSecretException extends RuntimeException {
    public SealedSecretException(String message) {
        super(message, null, false, false);
    }
}
