package org.opensspr.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Selected scope needs at least one group; group ids are non-blank and listed once. */
final class ScopeRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        ScopePolicy scope = policy.scope();
        Violations v = new Violations().when(scope.scope() == SsprScope.SELECTED && scope.groupIds().isEmpty(),
                PolicyViolationCode.SCOPE_GROUPS_REQUIRED, "scope.groupIds",
                "Select at least one group when self-service password reset is enabled for selected users.");
        Set<String> seen = new HashSet<>();
        for (String id : scope.groupIds()) {
            if (id == null || id.isBlank()) {
                v.add(PolicyViolationCode.SCOPE_GROUP_ID_BLANK, "scope.groupIds", "A selected group has no id.");
            } else if (!seen.add(id)) {
                v.add(PolicyViolationCode.SCOPE_GROUP_DUPLICATE, "scope.groupIds",
                        "The group " + id + " is selected more than once.");
            }
        }
        return v.list();
    }
}
