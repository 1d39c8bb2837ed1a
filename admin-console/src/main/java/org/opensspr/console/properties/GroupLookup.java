package org.opensspr.console.properties;

import org.opensspr.api.GroupDto;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the group picker finds groups: the server's directory. Called off the FX thread. */
public interface GroupLookup {

    /** Groups whose name matches {@code text}, at most {@code limit}. */
    List<GroupDto> search(String text, int limit);

    /** The groups with these ids that still exist, by id. */
    Map<String, GroupDto> byIds(Collection<String> ids);
}
