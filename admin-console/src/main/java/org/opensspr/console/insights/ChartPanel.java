package org.opensspr.console.insights;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One chart of the view under its title, or in its place a sentence saying there is nothing to chart ("No resets in
 * this period"): empty axes read as a broken chart, not as an answer.
 */
class ChartPanel extends VBox {
    private final StackPane body = new StackPane();
    private final Label empty = new Label();

    ChartPanel(String id, String title) {
        super(6);
        setId(id);
        getStyleClass().add("insights-panel");
        Label heading = new Label(title);
        heading.getStyleClass().add("insights-panel-title");
        heading.setWrapText(true);
        empty.setId(id + "Empty");
        empty.getStyleClass().addAll("muted", "insights-empty");
        empty.setWrapText(true);
        body.setMinHeight(80);
        getChildren().addAll(heading, body);
    }

    /** Shows {@code content} (a chart or a table), named for screen readers by {@code description}. */
    void show(Node content, String description) {
        content.setAccessibleText(description);
        body.getChildren().setAll(content);
    }

    /** Shows {@code words} where the chart would be. */
    void showEmpty(String words) {
        empty.setText(words);
        body.getChildren().setAll(empty);
    }

    /** The sentence shown instead of a chart; empty while a chart shows. */
    String emptyText() {
        return body.getChildren().contains(empty) ? empty.getText() : "";
    }

    /** The chart or table shown; null while the panel says it's empty. */
    Node content() {
        return body.getChildren().isEmpty() || body.getChildren().contains(empty) ? null : body.getChildren().getFirst();
    }
}
