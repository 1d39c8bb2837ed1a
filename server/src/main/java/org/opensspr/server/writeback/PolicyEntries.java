package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Entry;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.util.Optional;

/**
 * Turns a directory's password policy entry into a {@link DirectoryPasswordPolicy}. AD keeps ages as
 * negative counts of 100-ns intervals (0 or the smallest long: no limit); ppolicy in seconds.
 */
final class PolicyEntries {
    static final String[] ATTRIBUTES = {
        // AD domain object
        "minPwdLength", "pwdProperties", "pwdHistoryLength", "minPwdAge", "maxPwdAge",
        // AD fine-grained policy (PSO)
        "msDS-MinimumPasswordLength", "msDS-PasswordComplexityEnabled", "msDS-PasswordHistoryLength",
        "msDS-MinimumPasswordAge", "msDS-MaximumPasswordAge",
        // OpenLDAP ppolicy
        "pwdMinLength", "pwdMaxLength", "pwdInHistory", "pwdCheckQuality", "pwdMinAge", "pwdMaxAge"};
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private PolicyEntries() {
    }

    static Optional<DirectoryPasswordPolicy> domain(Entry entry) {
        if (!entry.hasAttribute("minPwdLength")) {
            return Optional.empty(); // not readable by the service account: don't guess
        }
        return Optional.of(new DirectoryPasswordPolicy(DirectoryPasswordPolicy.Source.DOMAIN,
                count(entry, "minPwdLength"), 0,
                DirectoryPolicyReader.complexityBit(entry.getAttributeValueAsInteger("pwdProperties")),
                count(entry, "pwdHistoryLength"), adSeconds(entry, "minPwdAge"), adSeconds(entry, "maxPwdAge")));
    }

    static Optional<DirectoryPasswordPolicy> fineGrained(Entry entry) {
        if (!entry.hasAttribute("msDS-MinimumPasswordLength")) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryPasswordPolicy(DirectoryPasswordPolicy.Source.FINE_GRAINED,
                count(entry, "msDS-MinimumPasswordLength"), 0,
                Boolean.TRUE.equals(entry.getAttributeValueAsBoolean("msDS-PasswordComplexityEnabled")),
                count(entry, "msDS-PasswordHistoryLength"), adSeconds(entry, "msDS-MinimumPasswordAge"),
                adSeconds(entry, "msDS-MaximumPasswordAge")));
    }

    /** pwdCheckQuality 0 (the default) means ppolicy checks no length: then the minimum doesn't apply. */
    static Optional<DirectoryPasswordPolicy> ppolicy(Entry entry) {
        boolean checksQuality = count(entry, "pwdCheckQuality") > 0;
        int min = checksQuality ? count(entry, "pwdMinLength") : 0;
        int max = count(entry, "pwdMaxLength");
        return Optional.of(new DirectoryPasswordPolicy(DirectoryPasswordPolicy.Source.PPOLICY, min,
                max != 0 && max < min ? min : max, false, count(entry, "pwdInHistory"),
                seconds(entry, "pwdMinAge"), seconds(entry, "pwdMaxAge")));
    }

    private static int count(Entry entry, String attribute) {
        Long value = entry.getAttributeValueAsLong(attribute);
        return value == null || value < 0 ? 0 : (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static long seconds(Entry entry, String attribute) {
        Long value = entry.getAttributeValueAsLong(attribute);
        return value == null || value < 0 ? 0 : value;
    }

    /** AD's negative 100-ns interval as seconds; 0 and Long.MIN_VALUE ("never") as 0. */
    private static long adSeconds(Entry entry, String attribute) {
        Long ticks = entry.getAttributeValueAsLong(attribute);
        if (ticks == null || ticks == 0 || ticks == Long.MIN_VALUE) {
            return 0;
        }
        return Math.abs(ticks) / TICKS_PER_SECOND;
    }
}
