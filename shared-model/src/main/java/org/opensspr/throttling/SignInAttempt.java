package org.opensspr.throttling;

import java.time.Instant;
import java.util.Objects;

/**
 * One password sign-in at a kiosk or the console.
 *
 * @param at                       when it happened
 * @param succeeded                whether the password was right
 * @param wrongPasswordFingerprint an opaque hash of the wrong password (never the password
 *                                 itself), so a repeated mistake can be recognized; null on success
 */
public record SignInAttempt(Instant at, boolean succeeded, String wrongPasswordFingerprint) {

    public SignInAttempt {
        Objects.requireNonNull(at, "at");
        if (succeeded && wrongPasswordFingerprint != null) {
            throw new IllegalArgumentException("a successful sign-in has no wrong password");
        }
        if (!succeeded && (wrongPasswordFingerprint == null || wrongPasswordFingerprint.isBlank())) {
            throw new IllegalArgumentException("a failed sign-in needs the wrong password's fingerprint");
        }
    }

    public static SignInAttempt success(Instant at) {
        return new SignInAttempt(at, true, null);
    }

    public static SignInAttempt failure(Instant at, String wrongPasswordFingerprint) {
        return new SignInAttempt(at, false, wrongPasswordFingerprint);
    }
}
