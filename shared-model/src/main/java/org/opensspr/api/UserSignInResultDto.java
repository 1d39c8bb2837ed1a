package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.opensspr.eligibility.SignInPrompt;

import java.time.Instant;

/**
 * How a lock-screen sign-in went. An unknown user name and a wrong password look the same
 * (WRONG_PASSWORD), so the lock screen can't be used to find accounts.
 *
 * @param resetAvailable  show the "Reset password" link
 * @param unlockAvailable show "Unlock account" (locked accounts, when the policy allows unlocking alone)
 * @param retryAfter      when a LOCKED account may try again
 * @param session         SIGNED_IN only: the user's security-info session, for this kiosk alone
 * @param securityInfo    SIGNED_IN only: what to ask before letting the user in (register, confirm, reconfirm)
 */
public record UserSignInResultDto(Outcome outcome, boolean resetAvailable, boolean unlockAvailable,
                                  @OptionalField Instant retryAfter, @OptionalField String displayName,
                                  @OptionalField String session, @OptionalField SignInPrompt securityInfo) {
    public enum Outcome {
        SIGNED_IN, WRONG_PASSWORD, LOCKED, MUST_CHANGE_PASSWORD
    }

    /** An answer without a session (any outcome but SIGNED_IN). */
    public UserSignInResultDto(Outcome outcome, boolean resetAvailable, boolean unlockAvailable, Instant retryAfter,
                               String displayName) {
        this(outcome, resetAvailable, unlockAvailable, retryAfter, displayName, null, null);
    }

    /** Whether the lock screen must ask something before letting the user in. */
    @JsonIgnore
    public boolean asksAboutSecurityInfo() {
        return securityInfo != null && securityInfo != SignInPrompt.NONE;
    }

    @Override
    public String toString() {
        return "UserSignInResultDto[outcome=" + outcome + ", session=" + Redacted.mark(session) + ", securityInfo="
                + securityInfo + "]";
    }
}
