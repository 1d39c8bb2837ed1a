package org.opensspr.server.audit;

import org.opensspr.api.AuditChainState;

/** An audit chain verification in words, for {@code verify-audit} and the server's log. */
public final class AuditChainReport {
    private AuditChainReport() {
    }

    public static String describe(AuditChainState state) {
        return switch (state.status()) {
            case NOT_CHECKED -> "The audit chain has not been verified yet.";
            case INTACT -> state.linksChecked() == 0
                    ? "The audit chain is intact: no linked events (" + state.notLinkedYet() + " not linked yet)."
                    : "The audit chain is intact: " + state.linksChecked() + " events, links " + state.firstLink()
                    + " to " + state.lastLink() + "; head " + state.lastLink() + ":" + state.headMac()
                    + (state.notLinkedYet() == 0 ? "." : "; " + state.notLinkedYet() + " newer events not linked yet.");
            case BROKEN -> "The audit chain is BROKEN after " + state.linksChecked() + " intact links: "
                    + problem(state);
        };
    }

    private static String problem(AuditChainState state) {
        return switch (state.problem()) {
            case EVENT_CHANGED -> "event " + state.eventId() + (state.fromLink() == 0 ? " (not linked yet)"
                    : " (link " + state.fromLink() + ")") + " was changed after the server wrote it, or was not"
                    + " written by the server.";
            case LINK_ALTERED -> "the link of event " + state.eventId() + " (link " + state.fromLink()
                    + ") doesn't follow from the link before it: links were moved or rewritten.";
            case LINKS_MISSING -> "links " + range(state) + " are missing before event " + state.eventId()
                    + ": events were deleted.";
            case NEWEST_LINKS_MISSING -> "the newest links " + range(state) + " are missing: the newest events were"
                    + " deleted.";
            case HEAD_ALTERED -> "the chain's head (link " + state.fromLink() + ") doesn't match the newest link"
                    + (state.toLink() != state.fromLink() ? " (link " + state.toLink() + " exists beyond it)" : "")
                    + ".";
            case CHECKPOINT_ALTERED -> "the retention checkpoint at link " + state.fromLink()
                    + " doesn't match its signature: it was edited or forged.";
        };
    }

    private static String range(AuditChainState state) {
        return state.fromLink() == state.toLink() ? String.valueOf(state.fromLink())
                : state.fromLink() + " to " + state.toLink();
    }
}
