package org.opensspr.api;

import org.opensspr.flow.FlowStep;
import org.opensspr.password.PasswordRequirements;

import java.time.Instant;

/**
 * The server's answer at every step of a reset flow: the next step to show, the single-use ticket
 * the kiosk must send with its next request, and what that step needs. Fields that don't apply to
 * the step are null (and left out of the JSON).
 *
 * @param captcha      for IDENTIFY_USER: the image to solve
 * @param challenge    for PROVE_IDENTITY: where the code went, or the questions to answer
 * @param requirements for SET_NEW_PASSWORD: the rules, so the kiosk can tick them as the user types
 * @param helpdesk     at every dead end: whom to contact
 * @param notice       a short, stable reason for the last request's outcome (e.g. WRONG_CODE), or null
 */
public record FlowResponse(String ticket, FlowStep step, Instant flowExpiresAt, CaptchaDto captcha,
                           ChallengeDto challenge, PasswordRequirements requirements, HelpdeskContactDto helpdesk,
                           String notice) {

    @Override
    public String toString() {
        return "FlowResponse[ticket=" + Redacted.mark(ticket) + ", step=" + step + ", notice=" + notice + "]";
    }
}
