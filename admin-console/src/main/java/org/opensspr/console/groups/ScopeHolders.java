package org.opensspr.console.groups;

import org.opensspr.api.GroupRefDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which of a scope's selected groups are a group or hold it at any depth, as the server walks the nesting. */
final class ScopeHolders {
    /** How many groups one question may name (the server's limit); a longer scope is asked in batches. */
    static final int BATCH = 100;

    private ScopeHolders() {
    }

    /** By name; none when the scope selects no groups (None or All). Call off the FX thread. */
    static List<GroupRefDto> of(OpenSsprClient client, String groupId, ScopePolicy scope) {
        List<String> selected = scope.scope() == SsprScope.SELECTED ? scope.groupIds() : List.of();
        List<GroupRefDto> holders = new ArrayList<>();
        for (int from = 0; from < selected.size(); from += BATCH) {
            holders.addAll(client.groupHeldBy(groupId, selected.subList(from, Math.min(selected.size(), from + BATCH))));
        }
        holders.sort(Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT)));
        return holders;
    }
}
