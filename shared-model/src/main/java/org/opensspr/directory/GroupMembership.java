package org.opensspr.directory;

import java.util.Collection;

/**
 * Answers "is this user in any of these groups, directly or through nested groups?". The server
 * answers it with a recursive query; {@link GroupGraph} answers it in memory.
 */
@FunctionalInterface
public interface GroupMembership {
    boolean isMemberOfAny(String userId, Collection<String> groupIds);
}
