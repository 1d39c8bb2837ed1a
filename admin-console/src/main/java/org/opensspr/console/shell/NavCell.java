package org.opensspr.console.shell;

import javafx.scene.control.ListCell;
import org.opensspr.console.ConsoleContext;

/** A navigation line: headers look different and can't be opened; marks for unsaved and invalid panes. */
final class NavCell extends ListCell<NavEntry> {
    private final ConsoleContext context;

    NavCell(ConsoleContext context) {
        this.context = context;
    }

    @Override
    protected void updateItem(NavEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll("nav-header", "nav-invalid");
        setDisable(false);
        setTooltip(null);
        if (empty || entry == null) {
            setText(null);
            setAccessibleText(null);
            return;
        }
        switch (entry.kind()) {
            case HEADER -> {
                setText(context.text(entry.key()));
                getStyleClass().add("nav-header");
                setDisable(true);
            }
            case VIEW -> {
                String text = context.text("nav." + entry.key());
                boolean dirty = entry.policyPane() != null && entry.policyPane().isDirty();
                boolean invalid = entry.policyPane() != null && !entry.policyPane().problems().isEmpty();
                setText(text + (dirty ? "  •" : ""));
                if (invalid) {
                    getStyleClass().add("nav-invalid");
                }
                setAccessibleText(text + (dirty ? ", " + context.text("nav.unsaved") : "")
                        + (invalid ? ", " + context.text("nav.invalid") : ""));
            }
        }
    }
}
