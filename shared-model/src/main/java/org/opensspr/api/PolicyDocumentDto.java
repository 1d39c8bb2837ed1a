package org.opensspr.api;

import org.opensspr.policy.SsprPolicy;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the SSPR policy: what {@code GET /api/v1/policy} answers and what an update or a
 * rollback creates.
 *
 * <p>Version 0 is the built-in default policy that applies until the first change; it was never
 * stored, so it has author {@value #DEFAULTS_AUTHOR} and no {@code createdAt}.
 *
 * @param version        the version number, 0 for the defaults, then 1, 2, … without gaps
 * @param policy         the whole policy
 * @param author         who stored it (an administrator's UPN)
 * @param createdAt      when it was stored; null for version 0
 * @param rolledBackFrom for a rollback, the older version whose policy this one restores; else null
 */
public record PolicyDocumentDto(int version, SsprPolicy policy, String author, @OptionalField Instant createdAt,
                                @OptionalField Integer rolledBackFrom) {
    /** The author shown for version 0. */
    public static final String DEFAULTS_AUTHOR = "system";

    public PolicyDocumentDto {
        Objects.requireNonNull(policy, "policy");
    }

    /** Version 0: the defaults, in force until the first stored version. */
    public static PolicyDocumentDto defaults() {
        return new PolicyDocumentDto(0, SsprPolicy.defaults(), DEFAULTS_AUTHOR, null, null);
    }

    /** The same version without its policy, as history lists it. */
    public PolicyVersionSummaryDto summary() {
        return new PolicyVersionSummaryDto(version, author, createdAt, rolledBackFrom);
    }
}
