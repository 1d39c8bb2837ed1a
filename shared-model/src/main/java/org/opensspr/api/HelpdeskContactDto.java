package org.opensspr.api;

/**
 * Whom to contact at a dead end: the customized helpdesk email or URL, or empty when the
 * organization didn't set one (then the kiosk says "contact your administrator").
 */
public record HelpdeskContactDto(String emailOrUrl, String organizationName) {
}
