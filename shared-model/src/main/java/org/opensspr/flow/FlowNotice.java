package org.opensspr.flow;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * What the server says about the outcome of the last request of a reset flow, beside the step
 * that follows ({@code FlowResponse.notice}). The kiosk shows each with its own message.
 */
@JsonClassDescription("Why the step is shown again, or what happened on the way: the captcha was wrong, the code"
        + " was wrong or expired, the answers were wrong, the code was sent again or not yet (too soon), this flow has drawn all the captchas it may,"
        + " or, for an app notification: still waiting for the answer, denied, the wrong number chosen, or not answered in time.")
public enum FlowNotice {
    WRONG_CAPTCHA,
    WRONG_CODE,
    CODE_EXPIRED,
    WRONG_ANSWERS,
    CODE_SENT_AGAIN,
    RESEND_TOO_SOON,
    CAPTCHA_LIMIT,
    /** The notification is not answered yet: ask again in a moment. Not an attempt. */
    WAITING_FOR_APPROVAL,
    /** The user answered the notification with "Deny": a failed proof. */
    NOTIFICATION_DENIED,
    /** The user picked a number other than the one shown: a failed proof. */
    WRONG_NUMBER,
    /** Nobody answered the notification in time; send another. Not an attempt. */
    NOTIFICATION_EXPIRED
}
