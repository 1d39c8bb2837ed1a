package org.opensspr.kiosk.deadend;

import javafx.scene.control.Label;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.deadend.DeadEndWords;

/**
 * Whom to contact: the organization's helpdesk page or email when it set one, else "contact your
 * administrator". Shown as text, not as a link to open: a kiosk has no browser to leave the screen for,
 * and the person can type or photograph the address.
 */
public final class HelpdeskLine {
    private HelpdeskLine() {
    }

    public static Label of(I18n i18n, HelpdeskContactDto helpdesk) {
        DeadEndWords.Wording wording = DeadEndWords.helpdesk(helpdesk);
        Label line = new Label();
        line.setId("helpdeskContact");
        line.setWrapText(true);
        line.getStyleClass().add("helpdesk-contact");
        line.textProperty().bind(i18n.text(wording.key(), wording.args()));
        return line;
    }
}
