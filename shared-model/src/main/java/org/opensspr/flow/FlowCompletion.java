package org.opensspr.flow;

/** How a flow ended successfully. */
public enum FlowCompletion {
    PASSWORD_RESET, ACCOUNT_UNLOCKED
}
