package org.opensspr.console.audit;

import javafx.scene.control.Label;
import org.opensspr.console.ConsoleContext;

import java.time.format.DateTimeFormatter;

/**
 * One line under the chain's state: whether the audit log goes to a SIEM, and if it does, whether the collector has
 * everything or how much waits and why, so an administrator sees a collector that is down before the SIEM's
 * owners do.
 */
final class SiemStateLine extends Label {
    SiemStateLine(ConsoleContext context, DateTimeFormatter when, AuditLogsModel model) {
        setId("auditSiem");
        getStyleClass().add("audit-siem");
        setWrapText(true);
        model.siemProperty().addListener((o, was, now) ->
                setText(SiemStateWords.describe(context, when, now, model.siemFailureProperty().get())));
        model.siemFailureProperty().addListener((o, was, now) ->
                setText(SiemStateWords.describe(context, when, model.siemProperty().get(), now)));
        setText(SiemStateWords.describe(context, when, null, ""));
    }
}
