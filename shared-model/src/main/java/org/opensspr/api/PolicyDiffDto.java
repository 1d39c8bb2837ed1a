package org.opensspr.api;

import java.util.List;

/**
 * What changed from one policy version to another ({@code GET /api/v1/policy/diff?from=&to=}).
 *
 * @param fromVersion the version read as "before"
 * @param toVersion   the version read as "after"
 * @param changes     every differing field, in the policy's field order; empty when both are equal
 */
public record PolicyDiffDto(int fromVersion, int toVersion, List<FieldChangeDto> changes) {
    public PolicyDiffDto {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
