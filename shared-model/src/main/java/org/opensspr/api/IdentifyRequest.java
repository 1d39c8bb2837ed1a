package org.opensspr.api;

/** Step 1: the user ID (UPN) and the captcha answer. */
public record IdentifyRequest(String ticket, String userId, String captchaId, String captchaAnswer) {
    @Override
    public String toString() {
        return "IdentifyRequest[ticket=" + Redacted.mark(ticket) + ", userId=" + userId + "]";
    }
}
