package org.opensspr.flow;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * What the server says about the outcome of the last request of a reset flow, beside the step
 * that follows ({@code FlowResponse.notice}). The kiosk shows each with its own message.
 */
@JsonClassDescription("Why the step is shown again, or what happened on the way: the captcha was wrong, the code"
        + " was wrong or expired, the answers were wrong, the code was sent again or not yet (too soon), or this flow has drawn all the captchas it may.")
public enum FlowNotice {
    WRONG_CAPTCHA,
    WRONG_CODE,
    CODE_EXPIRED,
    WRONG_ANSWERS,
    CODE_SENT_AGAIN,
    RESEND_TOO_SOON,
    CAPTCHA_LIMIT
}
