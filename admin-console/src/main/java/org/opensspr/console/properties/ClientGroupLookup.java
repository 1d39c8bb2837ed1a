package org.opensspr.console.properties;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.GroupDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Groups from the server's directory through the client. */
public final class ClientGroupLookup implements GroupLookup {
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
        // One lookup per id: a policy names a few groups, the directory may hold a great many.
        Map<String, GroupDto> found = new HashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            try {
                found.put(id, client.group(id));
            } catch (OpenSsprApiException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return found;
    }
}
