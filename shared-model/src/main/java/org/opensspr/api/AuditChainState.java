package org.opensspr.api;

import java.time.Instant;

/**
 * What the last verification of the audit chain found (docs/design.md §15, ADR 20), as
 * {@code GET /api/v1/audit/chain} reports it and {@code verify-audit} prints it.
 *
 * @param status        intact, broken, or not checked yet since the server started
 * @param checkedAt     when the verification finished; null when not checked
 * @param linksChecked  how many linked events were verified
 * @param firstLink     the oldest link verified (the one after the retention checkpoint); 0 when none
 * @param lastLink      the newest link verified: the chain's head when intact
 * @param headMac       the head's MAC when intact: write it down to prove later that nothing newer was cut off
 * @param notLinkedYet  events written but not linked yet (normal for the newest few seconds)
 * @param problem       what broke the chain; null when intact or not checked
 * @param eventId       the event where the break was found; null when the break isn't one event's
 * @param fromLink      the first link the problem concerns (for missing links, the first one missing)
 * @param toLink        the last link it concerns (for missing links, the last one missing)
 */
public record AuditChainState(Status status, @OptionalField Instant checkedAt, long linksChecked, long firstLink,
                              long lastLink, @OptionalField String headMac, long notLinkedYet,
                              @OptionalField Problem problem, @OptionalField Long eventId, long fromLink,
                              long toLink) {
    public enum Status {
        INTACT,
        BROKEN,
        NOT_CHECKED
    }

    /** The ways the chain can be found broken; each names what someone changed in the database. */
    public enum Problem {
        /** An event's content no longer matches its MAC: someone edited it. */
        EVENT_CHANGED,
        /** An event's link doesn't follow from the one before: links were reordered, or a link was rewritten. */
        LINK_ALTERED,
        /** Links between two others are gone: events were deleted. */
        LINKS_MISSING,
        /** The newest links the head names are gone: the newest events were deleted. */
        NEWEST_LINKS_MISSING,
        /** The head doesn't match the newest link. */
        HEAD_ALTERED,
        /** The retention checkpoint's signature doesn't match: the checkpoint was edited or forged. */
        CHECKPOINT_ALTERED
    }

    public static AuditChainState notChecked() {
        return new AuditChainState(Status.NOT_CHECKED, null, 0, 0, 0, null, 0, null, null, 0, 0);
    }

    public boolean intact() {
        return status == Status.INTACT;
    }
}
