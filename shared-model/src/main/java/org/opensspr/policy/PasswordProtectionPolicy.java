package org.opensspr.policy;

import java.util.List;

/** Password protection: the organization's banned terms and smart-lockout settings. */
public record PasswordProtectionPolicy(List<String> customBannedTerms, int lockoutThreshold,
                                       int lockoutDurationSeconds) {
    public static final int MIN_LOCKOUT_THRESHOLD = 1;
    public static final int MAX_LOCKOUT_THRESHOLD = 100;
    public static final int MIN_LOCKOUT_DURATION_SECONDS = 5;
    /** Lockouts double up to 30 minutes, so the first one can't start above it. */
    public static final int MAX_LOCKOUT_DURATION_SECONDS = 1800;

    public PasswordProtectionPolicy {
        customBannedTerms = Copies.list(customBannedTerms);
    }

    public static PasswordProtectionPolicy defaults() {
        return new PasswordProtectionPolicy(List.of(), 10, 60);
    }
}
