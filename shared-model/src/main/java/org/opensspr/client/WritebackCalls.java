package org.opensspr.client;

import com.fasterxml.jackson.core.type.TypeReference;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.ConnectionTestRequest;
import org.opensspr.api.WritebackIntentDto;
import org.opensspr.api.WritebackStatusDto;

import java.util.List;

/** The on-premises directory (the console's On-premises pane), from {@link OpenSsprClient#writeback()}. */
public final class WritebackCalls {
    private final ApiTransport transport;

    WritebackCalls(ApiTransport transport) {
        this.transport = transport;
    }

    /** The configured directory and how its last writebacks went; needs READ_POLICY. */
    public WritebackStatusDto status() {
        return transport.get(ApiPaths.BASE + "/writeback/status", WritebackStatusDto.class);
    }

    /**
     * Tests each directory server, the service account's bind and the base DN, and, given a test user's UPN (may be
     * null), the account's rights on it. Writes nothing to the directory; needs MANAGE_POLICY.
     */
    public ConnectionTestDto testConnection(String testUser) {
        return transport.post(ApiPaths.BASE + "/writeback/connection-test", new ConnectionTestRequest(testUser),
                ConnectionTestDto.class);
    }

    /** The newest writebacks, at most {@code limit}; needs READ_DIRECTORY. */
    public List<WritebackIntentDto> intents(int limit) {
        return transport.get(ApiPaths.BASE + "/writeback/intents?limit=" + limit,
                new TypeReference<List<WritebackIntentDto>>() { });
    }
}
