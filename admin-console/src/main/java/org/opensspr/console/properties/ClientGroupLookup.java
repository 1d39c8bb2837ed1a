package org.opensspr.console.properties;

import org.opensspr.api.GroupDto;
import org.opensspr.api.Page;
import org.opensspr.client.OpenSsprClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups from the server's directory through the client. */
public final class ClientGroupLookup implements GroupLookup {
    private static final int PAGE = 200;
    private final OpenSsprClient client;

    public ClientGroupLookup(OpenSsprClient client) {
        this.client = client;
    }

    @Override
    public List<GroupDto> search(String text, int limit) {
        return client.groups(text, 0, limit).items();
    }

    @Override
    public Map<String, GroupDto> byIds(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, GroupDto> found = new HashMap<>();
        for (int page = 0; found.size() < wanted.size(); page++) {
            Page<GroupDto> groups = client.groups("", page, PAGE);
            groups.items().stream().filter(g -> wanted.contains(g.id())).forEach(g -> found.put(g.id(), g));
            if ((long) (page + 1) * PAGE >= groups.total()) {
                break;
            }
        }
        return found;
    }
}
