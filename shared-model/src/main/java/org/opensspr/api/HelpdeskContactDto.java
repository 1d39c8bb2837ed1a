package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.opensspr.policy.CustomizationPolicy;

@JsonClassDescription("Whom to contact: the helpdesk's email or URL, empty when the organization set none (then say"
        + " \"contact your administrator\")")
public record HelpdeskContactDto(String emailOrUrl, String organizationName) {

    /** The contact a policy's customization names; the link counts only while "custom helpdesk link" is on. */
    public static HelpdeskContactDto of(CustomizationPolicy customization) {
        return new HelpdeskContactDto(customization.customHelpdeskLink() ? customization.helpdeskEmailOrUrl() : "",
                customization.organizationName());
    }
}
