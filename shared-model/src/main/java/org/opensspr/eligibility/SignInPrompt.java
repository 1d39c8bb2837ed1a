package org.opensspr.eligibility;

/**
 * What the lock screen asks a user right after a sign-in, before letting them in (docs/design.md §7): nothing,
 * to register security info, to confirm info an administrator pre-filled, or to reconfirm info after the
 * policy's days. The user may always answer "ask me later"; the next sign-in asks again.
 */
public enum SignInPrompt {
    /** Straight in. */
    NONE,
    /** Fewer methods registered than the policy requires to register. */
    REGISTER,
    /** Enough methods, but only ones an administrator or an import put there: the user hasn't confirmed them. */
    CONFIRM,
    /** The user's last confirmation is older than the policy's reconfirm days. */
    RECONFIRM
}
