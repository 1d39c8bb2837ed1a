package org.opensspr.throttling;

/** What happened in a reset flow, as far as throttling cares. */
public enum ThrottleEventKind {
    /** A code was emailed to the user's alternate address. */
    EMAIL_SENT(false),
    /** A code was texted to the user's mobile phone. */
    SMS_SENT(false),
    /** A code was read out by a call to the user's mobile or office phone. */
    VOICE_CALL_PLACED(false),
    /** The user typed an authenticator-app (TOTP) code. */
    APP_CODE_ATTEMPT(true),
    /** A push notification was answered (approved, or denied: a failed proof). */
    APP_NOTIFICATION_ATTEMPT(true),
    /** The user submitted answers to the drawn security questions (one event per submission). */
    SECURITY_QUESTION_ATTEMPT(true),
    /** The user typed a code that was sent by email. */
    CODE_ENTRY_ATTEMPT(true),
    /** The user typed a code that was texted or read out by a call (counts towards the hourly SMS/voice limit). */
    PHONE_CODE_ATTEMPT(true),
    /** A reset flow was started at a kiosk (counted per kiosk). */
    FLOW_STARTED(false),
    /** A successful reset: every earlier event of this user stops counting. */
    COUNTERS_CLEARED(false);

    private final boolean proofAttempt;

    ThrottleEventKind(boolean proofAttempt) {
        this.proofAttempt = proofAttempt;
    }

    /** Whether the event is the user trying to prove who they are, so it can fail. */
    public boolean proofAttempt() {
        return proofAttempt;
    }
}
