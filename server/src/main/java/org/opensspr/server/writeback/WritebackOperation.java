package org.opensspr.server.writeback;

/** What a writeback intent was about to do in the directory. */
public enum WritebackOperation {
    RESET, UNLOCK, CHANGE
}
