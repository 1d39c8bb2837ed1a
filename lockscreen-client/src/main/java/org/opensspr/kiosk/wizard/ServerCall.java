package org.opensspr.kiosk.wizard;

import org.opensspr.api.FlowResponse;
import org.opensspr.client.OpenSsprClient;

/** One request of the flow, given the current step's ticket (null before the flow has started). */
@FunctionalInterface
public interface ServerCall {
    FlowResponse call(OpenSsprClient client, String ticket);
}
