package org.opensspr.api;

import org.opensspr.policy.CustomizationPolicy;

/**
 * Whom to contact at a dead end: the customized helpdesk email or URL, or empty when the
 * organization didn't set one (then the kiosk says "contact your administrator").
 */
public record HelpdeskContactDto(String emailOrUrl, String organizationName) {

    /** The contact a policy's customization names; the link counts only while "custom helpdesk link" is on. */
    public static HelpdeskContactDto of(CustomizationPolicy customization) {
        return new HelpdeskContactDto(customization.customHelpdeskLink() ? customization.helpdeskEmailOrUrl() : "",
                customization.organizationName());
    }
}
