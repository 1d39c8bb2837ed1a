package org.opensspr.server.writeback;

import org.jooq.DSLContext;
import org.opensspr.server.metrics.WritebackMeters;
import org.opensspr.server.metrics.WritebackOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls the directory for on-premises users, always in this order: commit a PENDING intent → call the
 * directory → record the outcome. If the server dies between the last two, the PENDING row is what
 * tells an administrator that a directory change may or may not have happened.
 */
public final class Writeback {
    private static final Logger LOG = LoggerFactory.getLogger(Writeback.class);

    private final PasswordWriteback directory;
    private final WritebackIntents intents;
    private final WritebackMeters meters;

    public Writeback(PasswordWriteback directory, WritebackIntents intents) {
        this(directory, intents, WritebackMeters.discarding());
    }

    public Writeback(PasswordWriteback directory, WritebackIntents intents, WritebackMeters meters) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.intents = Objects.requireNonNull(intents, "intents");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** The directory's password policy for the account, or empty when it can't be read (see the port). */
    public Optional<org.opensspr.password.DirectoryPasswordPolicy> policyFor(OnPremAccount account) {
        try {
            return directory.policyFor(account);
        } catch (RuntimeException e) {
            LOG.warn("Reading the directory's password policy ended with an unexpected {}", e.getClass().getName());
            return Optional.empty();
        }
    }

    /** A reset that leaves the new password valid (the user chose it). */
    public WritebackResult reset(OnPremAccount account, String newPassword, String flowId) {
        return reset(account, newPassword, false, flowId);
    }

    /** A reset that, with {@code mustChange}, has the directory make the user change it at the next sign-in. */
    public WritebackResult reset(OnPremAccount account, String newPassword, boolean mustChange, String flowId) {
        return attempt(account, flowId, WritebackOperation.RESET,
                () -> directory.resetPassword(account, newPassword, mustChange), newPassword);
    }

    public WritebackResult unlock(OnPremAccount account, String flowId) {
        return attempt(account, flowId, WritebackOperation.UNLOCK, () -> directory.unlock(account));
    }

    public WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword,
                                          String flowId) {
        return attempt(account, flowId, WritebackOperation.CHANGE,
                () -> directory.changePassword(account, currentPassword, newPassword), currentPassword, newPassword);
    }

    /**
     * A reset flow's writeback, first part: the intent, written in the transaction that claims the flow,
     * so the claim and the intent commit together — both before the directory hears anything.
     */
    public WritebackIntent intend(DSLContext tx, OnPremAccount account, String flowId, WritebackOperation operation) {
        if (operation == WritebackOperation.CHANGE) {
            throw new IllegalArgumentException("A change needs the current password; use changePassword");
        }
        return intents.begin(tx, account.userId(), flowId, operation);
    }

    /**
     * Second part: the directory call for a committed intent, outside any transaction (a slow directory
     * must not hold a database connection). Records nothing; {@link #settle} does, with the flow's end.
     */
    public WritebackResult perform(WritebackIntent intent, OnPremAccount account, String newPassword) {
        Supplier<WritebackResult> call = intent.operation() == WritebackOperation.RESET
                ? () -> directory.resetPassword(account, newPassword, false) : () -> directory.unlock(account);
        long started = System.nanoTime();
        WritebackResult result;
        try {
            result = Objects.requireNonNull(call.get(), "the writeback port returned no result");
        } catch (RuntimeException e) {
            // A bug or a failure in the middle of the call: the directory may have applied the change.
            LOG.error("Writeback intent {} ended with an unexpected {}", intent.id(), e.getClass().getName());
            result = new WritebackResult.Unavailable("The directory call ended with an unexpected "
                    + e.getClass().getSimpleName(), true);
        }
        meters.called(intent.operation(), WritebackOutcome.of(result), System.nanoTime() - started);
        return result;
    }

    /** Third part: the outcome, in the caller's transaction (the one that completes or releases the flow). */
    public void settle(DSLContext tx, WritebackIntent intent, WritebackResult result, String... secrets) {
        IntentStatus status = statusOf(result);
        String detail = Redaction.scrub(detailOf(result), secrets);
        intents.complete(tx, intent.id(), status, detail);
        if (status == IntentStatus.UNKNOWN) {
            LOG.warn("Writeback intent {} ({} for user {}) has an unknown outcome: {}",
                    intent.id(), intent.operation(), intent.userId(), detail);
        }
    }

    /**
     * Resolves every intent PENDING for longer than any call can take ({@link PasswordWriteback#longestCall}):
     * its server stopped mid-call (or lost its database) before recording the outcome. Runs at start and then
     * every half minute, on every server. The directory is asked what it shows now: a password changed
     * after the intent, or an account no longer locked, resolves it DONE; no change since, FAILED; an
     * answer that can't be read leaves it UNKNOWN, for an administrator to check.
     *
     * @param accountOf the account an intent's user id names; empty when the user is gone
     * @return the intents resolved
     */
    public List<WritebackIntent> reconcile(Function<String, Optional<OnPremAccount>> accountOf) {
        List<WritebackIntent> resolved = new ArrayList<>();
        for (WritebackIntent intent : intents.pendingOlderThan(directory.longestCall())) {
            Verdict verdict = accountOf.apply(intent.userId()).flatMap(directory::read)
                    .map(state -> verdict(intent, state))
                    .orElse(new Verdict(IntentStatus.UNKNOWN, "The server stopped before it learned the outcome, "
                            + "and the directory entry can't be read now. Check the account in the directory."));
            if (intents.resolvePending(intent.id(), verdict.status(), verdict.detail())) {
                LOG.warn("Writeback intent {} ({} for user {}) was left pending; reconciled as {}: {}",
                        intent.id(), intent.operation(), intent.userId(), verdict.status(), verdict.detail());
                intents.find(intent.id()).ifPresent(resolved::add);
            }
        }
        return resolved;
    }

    private record Verdict(IntentStatus status, String detail) {
    }

    /** What the directory's state says about an intent whose answer was lost. */
    static Verdict verdict(WritebackIntent intent, AccountState state) {
        if (intent.operation() == WritebackOperation.UNLOCK) {
            return state.locked()
                    ? new Verdict(IntentStatus.FAILED, "Reconciled: the account is still locked in the directory.")
                    : new Verdict(IntentStatus.DONE, "Reconciled: the account is not locked in the directory.");
        }
        // Directory times have whole seconds; the intent was written just before the call.
        Instant since = intent.createdAt().truncatedTo(ChronoUnit.SECONDS);
        return state.passwordChangedAt()
                .map(changed -> changed.isBefore(since)
                        ? new Verdict(IntentStatus.FAILED, "Reconciled: the directory shows no password change "
                        + "since the intent (last change " + changed + ").")
                        : new Verdict(IntentStatus.DONE, "Reconciled: the directory shows a password change at "
                        + changed + ", after the intent."))
                .orElse(new Verdict(IntentStatus.UNKNOWN, "The server stopped before it learned the outcome, and the "
                        + "directory doesn't show when the password last changed. Check the account in the directory."));
    }

    private WritebackResult attempt(OnPremAccount account, String flowId, WritebackOperation operation,
                                    Supplier<WritebackResult> call, String... secrets) {
        // Committed before the directory hears anything: no directory change without a trace.
        WritebackIntent intent = intents.begin(account.userId(), flowId, operation);
        long started = System.nanoTime();
        WritebackResult result;
        try {
            result = Objects.requireNonNull(call.get(), "the writeback port returned no result");
        } catch (RuntimeException e) {
            meters.called(operation, WritebackOutcome.UNKNOWN, System.nanoTime() - started);
            // The port answers directory trouble with results, so this is a bug or a failure in the middle
            // of the call: the directory may have applied the change.
            record(intent, IntentStatus.UNKNOWN, "The directory call ended with an unexpected "
                    + e.getClass().getSimpleName() + "; the directory may or may not have applied the change.");
            throw e;
        }
        meters.called(operation, WritebackOutcome.of(result), System.nanoTime() - started);
        record(intent, statusOf(result), Redaction.scrub(detailOf(result), secrets));
        return result;
    }

    /**
     * Records the outcome. If that fails (the database went away) the directory's answer is still the
     * truth the caller needs; the intent stays PENDING, exactly as after a crash, for reconciliation.
     */
    private void record(WritebackIntent intent, IntentStatus status, String detail) {
        try {
            intents.complete(intent.id(), status, detail);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the outcome ({}) of writeback intent {}; it stays PENDING: {}",
                    status, intent.id(), e.getClass().getSimpleName());
        }
        if (status == IntentStatus.UNKNOWN) {
            LOG.warn("Writeback intent {} ({} for user {}) has an unknown outcome: {}",
                    intent.id(), intent.operation(), intent.userId(), detail);
        }
    }

    static IntentStatus statusOf(WritebackResult result) {
        return switch (result) {
            case WritebackResult.Done done -> IntentStatus.DONE;
            case WritebackResult.RejectedByPolicy rejected -> IntentStatus.FAILED;
            case WritebackResult.NotFound notFound -> IntentStatus.FAILED;
            case WritebackResult.Unavailable unavailable ->
                    unavailable.mayHaveApplied() ? IntentStatus.UNKNOWN : IntentStatus.FAILED;
        };
    }

    static String detailOf(WritebackResult result) {
        return switch (result) {
            case WritebackResult.Done done -> "";
            case WritebackResult.RejectedByPolicy rejected -> "Rejected by the directory: " + rejected.directoryMessage();
            case WritebackResult.NotFound notFound -> "No directory entry matches the account.";
            case WritebackResult.Unavailable unavailable -> (unavailable.mayHaveApplied()
                    ? "The directory may or may not have applied the change: " : "The directory was not changed: ")
                    + unavailable.why();
        };
    }
}
