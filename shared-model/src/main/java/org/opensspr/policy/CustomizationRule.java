package org.opensspr.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/** A customized helpdesk link must be an email address or an http(s) URL; the organization name is bounded. */
final class CustomizationRule implements PolicyRule {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        CustomizationPolicy c = policy.customization();
        String contact = c.helpdeskEmailOrUrl();
        return new Violations()
                .when(c.customHelpdeskLink() && contact.isEmpty(), PolicyViolationCode.HELPDESK_CONTACT_REQUIRED,
                        "customization.helpdeskEmailOrUrl", "Enter the helpdesk email address or URL users should contact.")
                .when(!contact.isEmpty() && !isEmailOrWebUrl(contact), PolicyViolationCode.HELPDESK_CONTACT_INVALID,
                        "customization.helpdeskEmailOrUrl",
                        "\"" + shorten(contact) + "\" is neither an email address nor an http(s) URL.")
                .when(c.organizationName().length() > CustomizationPolicy.MAX_ORGANIZATION_NAME_LENGTH,
                        PolicyViolationCode.ORGANIZATION_NAME_TOO_LONG, "customization.organizationName",
                        "The organization name can be at most 256 characters long.")
                .list();
    }

    static boolean isEmailOrWebUrl(String contact) {
        if (contact.length() > CustomizationPolicy.MAX_HELPDESK_CONTACT_LENGTH) {
            return false;
        }
        if (EMAIL.matcher(contact).matches()) {
            return true;
        }
        try {
            URI uri = new URI(contact);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
