package org.opensspr.server.directorysync;

/** A synced object's anchor row: exactly one of {@code userId} and {@code groupId} is set. */
record Anchor(String anchor, String userId, String groupId, String dnKey) {
    boolean isUser() {
        return userId != null;
    }

    String objectId() {
        return userId != null ? userId : groupId;
    }
}
