package org.opensspr.console.policy;

import org.opensspr.policy.SsprPolicy;

import java.util.List;

/** What validating every pane found: a policy ready to save, or the panes that hold problems. */
public sealed interface PolicyCheck {

    record Ready(SsprPolicy policy) implements PolicyCheck {
    }

    /** {@code unplaced} are problems no pane owns (shown in the save bar). */
    record Invalid(List<PolicyPaneModel> panes, int problemCount, List<String> unplaced) implements PolicyCheck {
    }
}
