package org.opensspr.server.writeback;

/**
 * The port the reset, unlock and change-password flows call for on-premises users. Implementations
 * answer every directory problem with a {@link WritebackResult}; an exception means a bug. They never
 * put a password into a result, an exception or a log.
 */
public interface PasswordWriteback {

    /**
     * Sets a new password the way an administrator would (AD's reset: history and minimum age are not
     * applied; the directory's length and complexity rules are).
     */
    WritebackResult resetPassword(OnPremAccount account, String newPassword);

    /** Clears the directory's lockout of the account without touching its password. */
    WritebackResult unlock(OnPremAccount account);

    /**
     * The user's own change, proven by the current password: the directory applies all its rules,
     * history and minimum age included.
     */
    WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword);
}
