package org.opensspr.policy;

import java.util.List;

/** Properties: SSPR enabled for None, Selected groups (nested membership counts) or All. */
public record ScopePolicy(SsprScope scope, List<String> groupIds) {
    public ScopePolicy {
        scope = scope == null ? SsprScope.NONE : scope;
        groupIds = Copies.list(groupIds);
    }

    public static ScopePolicy none() {
        return new ScopePolicy(SsprScope.NONE, List.of());
    }

    public static ScopePolicy all() {
        return new ScopePolicy(SsprScope.ALL, List.of());
    }

    public static ScopePolicy selected(List<String> groupIds) {
        return new ScopePolicy(SsprScope.SELECTED, groupIds);
    }
}
