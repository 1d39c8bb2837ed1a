package org.opensspr.console.policy;

import javafx.scene.control.Label;

/** The section titles and notes panes are made of, styled by CSS class. */
public final class PaneText {
    private PaneText() {
    }

    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    public static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-subtitle");
        label.setWrapText(true);
        return label;
    }
}
