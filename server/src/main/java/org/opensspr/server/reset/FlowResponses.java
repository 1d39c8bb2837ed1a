package org.opensspr.server.reset;

import org.opensspr.api.CaptchaDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.flow.FlowLimits;
import org.opensspr.flow.FlowStep;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.policy.CustomizationPolicy;

/** Builds the answer a kiosk gets: the step, the next ticket, and exactly what that step needs. */
final class FlowResponses {
    private FlowResponses() {
    }

    static FlowResponse of(FlowRecord flow, String ticket, FlowStep step, CustomizationPolicy customization,
                           CaptchaDto captcha, ChallengeDto challenge, String notice) {
        return new FlowResponse(ticket, step, flow.startedAt().plus(FlowLimits.FLOW_LIFETIME),
                step instanceof FlowStep.IdentifyUser ? captcha : null,
                step instanceof FlowStep.ProveIdentity ? challenge : null,
                step instanceof FlowStep.SetNewPassword && !flow.onPremises() ? PasswordRequirements.CLOUD : null, null,
                step instanceof FlowStep.DeadEnd ? HelpdeskContactDto.of(customization) : null,
                notice);
    }

    /** "a•••@f•••.example" (docs/design.md §13): the flow shows the address before the user proved anything. */
    static String maskEmail(String address) {
        return org.opensspr.directory.Masking.email(address);
    }
}
