package org.opensspr.api;

import java.time.Instant;

/**
 * How a lock-screen sign-in went. An unknown user name and a wrong password look the same
 * (WRONG_PASSWORD), so the lock screen can't be used to find accounts.
 *
 * @param resetAvailable  show the "Reset password" link
 * @param unlockAvailable show "Unlock account" (locked accounts, when the policy allows unlocking alone)
 * @param retryAfter      when a LOCKED account may try again
 */
public record UserSignInResultDto(Outcome outcome, boolean resetAvailable, boolean unlockAvailable,
                                  @OptionalField Instant retryAfter, @OptionalField String displayName) {
    public enum Outcome {
        SIGNED_IN, WRONG_PASSWORD, LOCKED, MUST_CHANGE_PASSWORD
    }
}
