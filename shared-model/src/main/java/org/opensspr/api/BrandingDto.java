package org.opensspr.api;

/**
 * What the lock screen shows before anyone signs in ({@code GET /api/v1/branding}), from the policy in
 * force. Empty strings mean "not set"; images are read from {@link ApiPaths#BRANDING_ASSETS}{@code /{id}}.
 *
 * @param helpdesk      whom to contact, as the reset flow's dead ends name them
 * @param unlockOffered whether a locked account is offered "Unlock" without a reset
 */
public record BrandingDto(String organizationName, String logoAssetId, String backgroundAssetId,
                          HelpdeskContactDto helpdesk, boolean unlockOffered) {
}
