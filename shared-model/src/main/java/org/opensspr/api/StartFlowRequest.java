package org.opensspr.api;

import org.opensspr.flow.FlowIntent;

/** Starts a reset or unlock flow at a kiosk; {@code locale} is the kiosk's language (e.g. es-US), if known. */
public record StartFlowRequest(FlowIntent intent, @OptionalField String locale) {
}
