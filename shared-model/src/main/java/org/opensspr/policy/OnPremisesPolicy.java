package org.opensspr.policy;

/** On-premises integration pane: password writeback, and unlock without resetting. */
public record OnPremisesPolicy(boolean writebackEnabled, boolean unlockWithoutReset) {
    public static OnPremisesPolicy defaults() {
        return new OnPremisesPolicy(true, true);
    }
}
