package org.opensspr.server.writeback;

/**
 * The port the reset, unlock and change-password flows call for on-premises users. Implementations
 * answer every directory problem with a {@link WritebackResult}; an exception means a bug. They never
 * put a password into a result, an exception or a log.
 */
public interface PasswordWriteback {

    /**
     * Sets a new password the way an administrator would (AD's reset: history and minimum age are not
     * applied; the directory's length and complexity rules are), and clears a lockout.
     *
     * @param mustChange whether the directory is to make the user change this password at the next sign-in
     *                   (an administrator's choice; a self-service reset never asks for it). {@code Done}
     *                   means the directory took the requirement too.
     */
    WritebackResult resetPassword(OnPremAccount account, String newPassword, boolean mustChange);

    /** Clears the directory's lockout of the account without touching its password. */
    WritebackResult unlock(OnPremAccount account);

    /**
     * The user's own change, proven by the current password: the directory applies all its rules,
     * history and minimum age included.
     */
    WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword);

    /**
     * What the directory shows of the account now, for reconciling a call whose answer was lost (the
     * server stopped mid-call). Empty when the entry can't be read.
     */
    java.util.Optional<AccountState> read(OnPremAccount account);

    /**
     * The password policy the directory applies to this account (a fine-grained one where it has one),
     * for the kiosk to show; empty when it can't be read. It is shown, never enforced here: the
     * directory decides when the password is sent.
     */
    default java.util.Optional<org.opensspr.password.DirectoryPasswordPolicy> policyFor(OnPremAccount account) {
        return java.util.Optional.empty();
    }

    /**
     * The longest one call can take, all timeouts run out: a PENDING intent older than this has no call
     * in flight on any server, so its outcome can be reconciled.
     */
    java.time.Duration longestCall();
}
