package org.opensspr.kiosk.branding;

import javafx.scene.image.Image;
import org.opensspr.api.HelpdeskContactDto;

/**
 * How the organization presents itself at the kiosk: its name, logo and background, whom to contact
 * at a dead end, and whether "I know my password but can't sign in" (unlock) is offered.
 *
 * @param logo       null for none
 * @param background null for the kiosk's own
 */
public record Branding(String organizationName, Image logo, Image background, HelpdeskContactDto helpdesk,
                       boolean unlockOffered) {

    /** Before the server has answered, or when it can't be reached: no name, no pictures, "contact your administrator". */
    public static final Branding NONE = new Branding("", null, null, new HelpdeskContactDto("", ""), false);

    /** The same branding without "I know my password, but my account is locked". */
    public Branding withoutUnlock() {
        return new Branding(organizationName, logo, background, helpdesk, false);
    }

    public Branding {
        organizationName = organizationName == null ? "" : organizationName.strip();
        helpdesk = helpdesk == null ? new HelpdeskContactDto("", organizationName) : helpdesk;
    }
}
