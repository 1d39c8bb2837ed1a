package org.opensspr.methods;

import java.time.Duration;

/** The bounds of a Temporary Access Pass (docs/design.md §18), shared by the server's check and the console's form. */
public final class TemporaryAccessPassRules {
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(10);
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 48;
    public static final int DEFAULT_LENGTH = 8;

    private TemporaryAccessPassRules() {
    }

    public static boolean lifetimeAllowed(long minutes) {
        return minutes >= MIN_LIFETIME.toMinutes() && minutes <= MAX_LIFETIME.toMinutes();
    }

    public static boolean lengthAllowed(int length) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }
}
