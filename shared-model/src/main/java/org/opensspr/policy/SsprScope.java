package org.opensspr.policy;

/** Properties pane: who may use self-service password reset. */
public enum SsprScope {
    NONE, SELECTED, ALL
}
