package org.opensspr.password;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/**
 * An on-premises directory's password policy as it applies to one user: Active Directory's domain
 * policy or the user's fine-grained policy (PSO), or an OpenLDAP ppolicy entry. Plain data, so the
 * kiosk can show it before the user types; the directory still decides.
 *
 * @param source        where the rules were read from
 * @param minLength     fewest characters the directory takes; 0 for no minimum
 * @param maxLength     most characters the directory takes; 0 when it states none
 * @param complexity    Active Directory's complexity rule ({@link ActiveDirectoryComplexity})
 * @param historyLength how many previous passwords may not be reused; 0 for none
 * @param minAgeSeconds how long after a change the user may not change it again; 0 for no wait
 * @param maxAgeSeconds how long a password lasts; 0 when it never expires
 */
@JsonClassDescription("The on-premises directory's password rules for this user, read from the directory: it, not"
        + " this server, decides, and may refuse for reasons it doesn't publish")
public record DirectoryPasswordPolicy(
        @JsonPropertyDescription("Where the rules come from: DOMAIN (Active Directory's domain policy), FINE_GRAINED"
                + " (a fine-grained password policy applied to the user) or PPOLICY (an OpenLDAP password policy entry)")
        Source source,
        @JsonPropertyDescription("Fewest characters; 0 for no minimum") int minLength,
        @JsonPropertyDescription("Most characters; 0 when the directory states no maximum") int maxLength,
        @JsonPropertyDescription("Active Directory's complexity rule: at least 3 of upper-case letters, lower-case"
                + " letters, digits, symbols and other letters, and not the account name or a 3+ character part"
                + " of the display name") boolean complexity,
        @JsonPropertyDescription("How many previous passwords may not be used again; 0 for none") int historyLength,
        @JsonPropertyDescription("Seconds that must pass after a change before the user may change it again")
        long minAgeSeconds,
        @JsonPropertyDescription("Seconds a password lasts; 0 when it never expires") long maxAgeSeconds) {

    /** Which directory object the rules come from. */
    public enum Source {
        /** Active Directory's domain object (minPwdLength, pwdProperties, …). */
        DOMAIN,
        /** The user's resultant fine-grained password policy (msDS-ResultantPSO), which overrides the domain's. */
        FINE_GRAINED,
        /** An OpenLDAP ppolicy entry: the user's pwdPolicySubentry or the overlay's default. */
        PPOLICY
    }

    public DirectoryPasswordPolicy {
        Objects.requireNonNull(source, "source");
        if (minLength < 0 || maxLength < 0 || historyLength < 0 || minAgeSeconds < 0 || maxAgeSeconds < 0) {
            throw new IllegalArgumentException("a directory's password rules are never negative");
        }
        if (maxLength != 0 && maxLength < minLength) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is below minLength " + minLength);
        }
    }

    /** Whether {@code password} has enough characters (code points) and not too many. */
    public boolean lengthMet(String password) {
        int length = password.codePointCount(0, password.length());
        return length >= Math.max(1, minLength) && (maxLength == 0 || length <= maxLength);
    }

    /** Whether the complexity rule's character part holds, or the policy has no complexity rule. */
    public boolean categoriesMet(String password) {
        return !complexity || ActiveDirectoryComplexity.meetsCategories(password);
    }
}
