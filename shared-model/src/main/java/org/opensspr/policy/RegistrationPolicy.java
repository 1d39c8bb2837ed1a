package org.opensspr.policy;

/** Registration pane: require registration at sign-in, and reconfirm after 0–730 days (0 = never). */
public record RegistrationPolicy(boolean requireAtSignIn, int reconfirmDays) {
    public static final int MIN_RECONFIRM_DAYS = 0;
    public static final int MAX_RECONFIRM_DAYS = 730;

    public static RegistrationPolicy defaults() {
        return new RegistrationPolicy(true, 180);
    }

    /** Reconfirmation only applies while registration is required at sign-in (seed 004). */
    public boolean reconfirmationActive() {
        return requireAtSignIn && reconfirmDays > 0;
    }
}
