package org.opensspr.console.policy;

import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The frame every policy pane shares: title, one-line explanation, the read-only note when the
 * administrator's role can't change it, and error labels that show the validator's reasons by field.
 */
public abstract class PolicyPaneView<M extends PolicyPaneModel> extends ScrollPane {
    protected final M model;
    protected final ConsoleContext context;
    protected final VBox content = new VBox(12);
    private final Label readOnlyNote = new Label();
    private final List<Runnable> problemViews = new ArrayList<>();

    protected PolicyPaneView(M model, ConsoleContext context, String titleKey, String subtitleKey) {
        this.model = model;
        this.context = context;
        Label title = new Label(context.text(titleKey));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(context.text(subtitleKey));
        subtitle.getStyleClass().add("pane-subtitle");
        readOnlyNote.getStyleClass().add("read-only-note");
        readOnlyNote.setMaxWidth(Double.MAX_VALUE);
        readOnlyNote.managedProperty().bind(readOnlyNote.visibleProperty());
        readOnlyNote.visibleProperty().bind(model.editableProperty().not());
        content.getChildren().addAll(title, subtitle, readOnlyNote);
        content.getStyleClass().add("policy-pane");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
        model.problems().addListener((MapChangeListener<String, String>) change -> problemViews.forEach(Runnable::run));
    }

    /** Why this role can't change the pane; shown above the fields while they are read-only. */
    public void setReadOnlyReason(String reason) {
        readOnlyNote.setText(reason);
    }

    public M model() {
        return model;
    }

    /** A label showing the reasons for {@code fieldPrefix} and every field inside it; marks {@code controls} invalid. */
    protected Label problemLabel(String fieldPrefix, Control... controls) {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.managedProperty().bind(label.visibleProperty());
        label.setVisible(false);
        Runnable update = () -> {
            String reasons = model.problems().entrySet().stream()
                    .filter(e -> covers(fieldPrefix, e.getKey()))
                    .map(Map.Entry::getValue).distinct().collect(Collectors.joining("\n"));
            label.setText(reasons);
            label.setVisible(!reasons.isEmpty());
            for (Control control : controls) {
                control.getStyleClass().remove("invalid");
                if (!reasons.isEmpty()) {
                    control.getStyleClass().add("invalid");
                }
                control.setAccessibleHelp(reasons.isEmpty() ? null : reasons);
            }
        };
        problemViews.add(update);
        update.run();
        return label;
    }

    /** {@code field} is {@code path} itself or inside it ({@code path.x}, {@code path[3]}). */
    static boolean covers(String path, String field) {
        return field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[");
    }

    protected static Label section(String text) {
        return PaneText.section(text);
    }

    protected static Label note(String text) {
        return PaneText.note(text);
    }

    /** Makes {@code nodes} follow the model's editable flag. */
    protected void editableOnly(Node... nodes) {
        for (Node node : nodes) {
            node.disableProperty().bind(model.editableProperty().not());
        }
    }
}
