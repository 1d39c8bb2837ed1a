package org.opensspr.kiosk.deadend;

import javafx.scene.control.Label;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.kiosk.i18n.I18n;

/**
 * Whom to contact: the organization's helpdesk page or email when it set one, else "contact your
 * administrator". Shown as text, not as a link to open: a kiosk has no browser to leave the screen for,
 * and the person can type or photograph the address.
 */
public final class HelpdeskLine {
    private HelpdeskLine() {
    }

    public static Label of(I18n i18n, HelpdeskContactDto helpdesk) {
        String contact = helpdesk == null || helpdesk.emailOrUrl() == null ? "" : helpdesk.emailOrUrl().strip();
        String organization = helpdesk == null || helpdesk.organizationName() == null ? ""
                : helpdesk.organizationName().strip();
        Label line = new Label();
        line.setId("helpdeskContact");
        line.setWrapText(true);
        line.getStyleClass().add("helpdesk-contact");
        if (contact.isEmpty()) {
            line.textProperty().bind(organization.isEmpty() ? i18n.text("helpdesk.administrator")
                    : i18n.text("helpdesk.administratorAt", organization));
        } else if (contact.contains("@") && !contact.contains("://")) {
            line.textProperty().bind(i18n.text("helpdesk.email", contact));
        } else {
            line.textProperty().bind(i18n.text("helpdesk.link", contact));
        }
        return line;
    }
}
