package org.opensspr.server.writeback;

import java.util.function.Supplier;

/** A port that runs a test's step around a real one, to look at or break things in the middle of a call. */
final class ScriptedWriteback implements PasswordWriteback {
    private final PasswordWriteback real;
    private final Runnable before;
    private final Runnable after;

    ScriptedWriteback(PasswordWriteback real, Runnable before, Runnable after) {
        this.real = real;
        this.before = before;
        this.after = after;
    }

    @Override
    public WritebackResult resetPassword(OnPremAccount account, String newPassword, boolean mustChange) {
        return around(() -> real.resetPassword(account, newPassword, mustChange));
    }

    @Override
    public WritebackResult unlock(OnPremAccount account) {
        return around(() -> real.unlock(account));
    }

    @Override
    public WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword) {
        return around(() -> real.changePassword(account, currentPassword, newPassword));
    }

    @Override
    public java.util.Optional<AccountState> read(OnPremAccount account) {
        return real.read(account);
    }

    @Override
    public java.time.Duration longestCall() {
        return real.longestCall();
    }

    private WritebackResult around(Supplier<WritebackResult> call) {
        before.run();
        WritebackResult result = call.get();
        after.run();
        return result;
    }
}
