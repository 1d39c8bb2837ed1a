package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.flow.FlowNotice;
import org.opensspr.flow.FlowStep;
import org.opensspr.password.PasswordRequirements;

import java.time.Instant;

/**
 * The server's answer at every step of a reset flow. The descriptions below are also the OpenAPI
 * document's, so they are written for a client's author.
 */
@JsonClassDescription("The server's answer at every step of a reset flow: the next step to show, the single-use"
        + " ticket to send with the next request, and what that step needs. Fields that don't apply to the step"
        + " are left out.")
public record FlowResponse(
        @JsonPropertyDescription("The single-use ticket for the next request of this flow") String ticket,
        FlowStep step,
        @JsonPropertyDescription("When the whole flow ends, however far it got") Instant flowExpiresAt,
        @JsonPropertyDescription("At IDENTIFY_USER: the captcha to solve") @OptionalField CaptchaDto captcha,
        @JsonPropertyDescription("At PROVE_IDENTITY: where the code went, or the questions to answer")
        @OptionalField ChallengeDto challenge,
        @JsonPropertyDescription("At SET_NEW_PASSWORD for a cloud user: the rules, so the kiosk can tick them off as"
                + " the user types")
        @OptionalField PasswordRequirements requirements,
        @JsonPropertyDescription("At SET_NEW_PASSWORD for an on-premises user, instead of requirements: the"
                + " directory's own rules, or that they couldn't be read")
        @OptionalField DirectoryPolicyDto directoryPolicy,
        @JsonPropertyDescription("At DEAD_END: whom to contact") @OptionalField HelpdeskContactDto helpdesk,
        @JsonPropertyDescription("What became of the last request, when there is something to say")
        @OptionalField @ValuesOf(FlowNotice.class) String notice) {

    /** The same answer with the directory's rules in place of the cloud requirements (an on-premises user). */
    public FlowResponse withDirectoryPolicy(DirectoryPolicyDto policy) {
        return new FlowResponse(ticket, step, flowExpiresAt, captcha, challenge, null, policy, helpdesk, notice);
    }

    @Override
    public String toString() {
        return "FlowResponse[ticket=" + Redacted.mark(ticket) + ", step=" + step + ", notice=" + notice + "]";
    }
}
