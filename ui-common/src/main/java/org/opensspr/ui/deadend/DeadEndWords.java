package org.opensspr.ui.deadend;

import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.flow.DeadEndReason;

/**
 * The words for a flow that can't go on, shared so that the admin console's what-if quotes exactly what
 * the kiosk shows. The texts live in {@link #BUNDLE}; load it behind the app's own bundle.
 */
public final class DeadEndWords {
    public static final String BUNDLE = "org.opensspr.ui.deadend.deadends";

    private DeadEndWords() {
    }

    /** The key of a dead end's texts; {@code .title} and {@code .text} follow it. */
    public static String messageKey(DeadEndReason reason) {
        return "deadend." + reason.name();
    }

    /**
     * Whom to contact: the helpdesk email or page the organization set, else its administrator (by the
     * organization's name when known).
     */
    public static Wording helpdesk(HelpdeskContactDto helpdesk) {
        String contact = helpdesk == null || helpdesk.emailOrUrl() == null ? "" : helpdesk.emailOrUrl().strip();
        String organization = helpdesk == null || helpdesk.organizationName() == null ? ""
                : helpdesk.organizationName().strip();
        if (contact.isEmpty()) {
            return organization.isEmpty() ? new Wording("helpdesk.administrator", null)
                    : new Wording("helpdesk.administratorAt", organization);
        }
        boolean email = contact.contains("@") && !contact.contains("://");
        return new Wording(email ? "helpdesk.email" : "helpdesk.link", contact);
    }

    /** A bundle key and its one argument (null when the text takes none). */
    public record Wording(String key, String argument) {
        public Object[] args() {
            return argument == null ? new Object[0] : new Object[] {argument};
        }
    }
}
