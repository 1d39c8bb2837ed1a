package org.opensspr.ui.a11y;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the controls a screen reader could not name: no accessible text, no own text, and no label
 * pointing at them. Linux JavaFX has no screen-reader bridge (docs/design.md §20), so this is what tests check.
 * It looks at the app's own controls, not at the parts a control's skin is built from.
 */
public final class AccessibleTextAudit {
    private AccessibleTextAudit() {
    }

    /** Descriptions of the unnamed controls under {@code root}; empty when every one has a name. */
    public static List<String> unnamedControls(Parent root) {
        List<Control> controls = new ArrayList<>();
        collect(root, controls);
        Set<Node> labelled = new HashSet<>();
        for (Control control : controls) {
            if (control instanceof Label label && label.getLabelFor() != null) {
                labelled.add(label.getLabelFor());
            }
        }
        List<String> unnamed = new ArrayList<>();
        for (Control control : controls) {
            if (!(control instanceof Label) && !named(control, labelled) && visibleInTree(control)) {
                unnamed.add(control.getClass().getSimpleName()
                        + (control.getId() == null ? "" : "#" + control.getId())
                        + " " + control.getStyleClass());
            }
        }
        return unnamed;
    }

    private static boolean named(Control control, Set<Node> labelled) {
        if (hasText(control.getAccessibleText()) || labelled.contains(control)) {
            return true;
        }
        return control instanceof Labeled labeled && hasText(labeled.getText());
    }

    private static boolean visibleInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static void collect(Node node, List<Control> controls) {
        if (node instanceof Control control && !isContainer(control)) {
            controls.add(control);
            return; // a control's skin children are its own business
        }
        for (Node child : content(node)) {
            collect(child, controls);
        }
    }

    private static boolean isContainer(Control control) {
        return control instanceof ScrollPane || control instanceof TitledPane || control instanceof TabPane
                || control instanceof SplitPane || control instanceof ToolBar || control instanceof ButtonBar
                || control instanceof Accordion;
    }

    private static List<Node> content(Node node) {
        List<Node> children = new ArrayList<>();
        switch (node) {
            case ScrollPane scroll -> add(children, scroll.getContent());
            case TitledPane titled -> add(children, titled.getContent());
            case TabPane tabs -> tabs.getTabs().stream().map(Tab::getContent).forEach(c -> add(children, c));
            case SplitPane split -> children.addAll(split.getItems());
            case ToolBar bar -> children.addAll(bar.getItems());
            case ButtonBar bar -> children.addAll(bar.getButtons());
            case Accordion accordion -> children.addAll(accordion.getPanes());
            case Parent parent -> children.addAll(parent.getChildrenUnmodifiable());
            default -> { }
        }
        return children;
    }

    private static void add(List<Node> children, Node node) {
        if (node != null) {
            children.add(node);
        }
    }
}
