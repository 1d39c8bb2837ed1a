package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.server.codes.VerificationCodes;

import java.time.Instant;

/**
 * What a reset or unlock done elsewhere (the helpdesk's) shares with one finished at the lock screen: the user's
 * open flows and outstanding codes end, and the policy's notifications are queued — in the caller's
 * transaction, so nothing is sent unless the change commits.
 */
public final class AfterReset {
    private final FlowRepository flows = new FlowRepository();
    private final VerificationCodes codes;
    private final ResetNotifier notifier;

    AfterReset(VerificationCodes codes, ResetNotifier notifier) {
        this.codes = codes;
        this.notifier = notifier;
    }

    /** Ends the user's open reset flows and drops their codes; answers how many flows and codes ended. */
    public int endFlowsOf(DSLContext tx, String userId, Instant now) {
        int ended = codes.invalidateForUser(tx, userId);
        return ended + flows.abandonAllFlowsOf(tx, userId, now);
    }

    /** Queues the notifications the policy asks for; answers how many messages. */
    public int notify(DSLContext tx, DirectoryUser user, FlowCompletion completion, Instant now) {
        return notifier.queue(tx, user, completion, now);
    }
}
