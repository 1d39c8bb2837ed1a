package org.opensspr.console.properties;

import org.opensspr.api.GroupDto;
import org.opensspr.console.ConsoleContext;

/** How a group is shown: its name, its members and the groups nested in it (whose members count too). */
final class GroupText {
    private GroupText() {
    }

    static String describe(ConsoleContext context, GroupDto group) {
        return context.text("properties.groups.item", group.name(), group.memberUserCount(), group.memberGroupCount());
    }
}
