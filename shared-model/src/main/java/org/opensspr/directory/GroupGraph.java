package org.opensspr.directory;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Nested group membership over an in-memory set of groups; visits each group once, so cycles are harmless. */
public final class GroupGraph implements GroupMembership {
    private final Map<String, Group> groupsById = new HashMap<>();
    private final Map<String, Set<String>> parentsOfGroup = new HashMap<>();
    private final Map<String, Set<String>> groupsOfUser = new HashMap<>();

    public GroupGraph(Collection<Group> groups) {
        for (Group group : groups) {
            groupsById.put(group.id(), group);
            group.memberUserIds().forEach(u -> groupsOfUser.computeIfAbsent(u, k -> new HashSet<>()).add(group.id()));
            group.memberGroupIds().forEach(g -> parentsOfGroup.computeIfAbsent(g, k -> new HashSet<>()).add(group.id()));
        }
    }

    /** Every group the user belongs to, directly or through nesting. */
    public Set<String> groupsOf(String userId) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(groupsOfUser.getOrDefault(userId, Set.of()));
        while (!toVisit.isEmpty()) {
            String groupId = toVisit.pop();
            if (found.add(groupId)) {
                toVisit.addAll(parentsOfGroup.getOrDefault(groupId, Set.of()));
            }
        }
        return found;
    }

    /** Every user in the group, directly or through nested groups. */
    public Set<String> membersOf(String groupId) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        toVisit.push(groupId);
        while (!toVisit.isEmpty()) {
            Group group = groupsById.get(toVisit.pop());
            if (group != null && visited.add(group.id())) {
                users.addAll(group.memberUserIds());
                group.memberGroupIds().forEach(toVisit::push);
            }
        }
        return users;
    }

    @Override
    public boolean isMemberOfAny(String userId, Collection<String> groupIds) {
        Set<String> groups = groupsOf(userId);
        return groupIds.stream().anyMatch(groups::contains);
    }
}
