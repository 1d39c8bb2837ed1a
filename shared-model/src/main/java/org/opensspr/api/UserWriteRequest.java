package org.opensspr.api;

import org.opensspr.directory.UserSource;

/**
 * Creates a user or replaces a user's attributes. Every field is required; send "" for "not set".
 * The authentication contact data (alternate email, phones) is set separately through
 * {@link ContactUpdateRequest}, because setting it registers methods.
 *
 * @param userPrincipalName   name@domain, unique regardless of case
 * @param onPremisesProtected AD protects the account (Domain/Enterprise Admins, adminCount=1); only for
 *                            {@link UserSource#ON_PREMISES} users
 * @param preferredLanguage   a BCP 47 language tag such as "de-CH", or ""
 */
public record UserWriteRequest(String userPrincipalName, String givenName, String surname, String displayName,
                               UserSource source, boolean enabled, boolean onPremisesProtected,
                               String primaryEmail, String preferredLanguage) {
}
