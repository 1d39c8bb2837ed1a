package org.opensspr.api;

import org.opensspr.flow.FlowStep;

/**
 * What a user would meet at the kiosk right after entering their user ID, computed by the same
 * engines the reset flow uses. {@code reason} is the internal eligibility reason (null when eligible),
 * which the console shows to administrators only.
 */
public record WhatIfDto(String userPrincipalName, boolean found, @OptionalField String reason, FlowStep firstStep) {
}
