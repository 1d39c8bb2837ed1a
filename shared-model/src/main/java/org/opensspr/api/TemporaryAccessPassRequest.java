package org.opensspr.api;

/**
 * {@code POST /api/v1/users/{id}/temporary-access-pass}: issue a pass (replacing any the user has). Every field may
 * be left out for its default: 60 minutes, multi-use, 8 characters (docs/design.md §18).
 *
 * @param lifetimeMinutes 10 to 43,200 (30 days)
 * @param oneTime         spent by its first sign-in
 * @param length          8 to 48 characters
 */
public record TemporaryAccessPassRequest(@OptionalField Integer lifetimeMinutes, @OptionalField Boolean oneTime,
                                         @OptionalField Integer length) {
}
