package org.opensspr.flow;

/** What the person at the kiosk asked for: "Reset password" or "Unlock account". */
public enum FlowIntent {
    RESET_PASSWORD, UNLOCK_ACCOUNT
}
