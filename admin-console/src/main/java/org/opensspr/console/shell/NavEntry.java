package org.opensspr.console.shell;

import javafx.scene.Node;
import org.opensspr.console.policy.PolicyPaneModel;

import java.util.function.Supplier;

/** One line of the navigation: a section header, or a view (built on first show). */
public record NavEntry(String key, Kind kind, Supplier<Node> view, PolicyPaneModel policyPane) {

    public enum Kind { HEADER, VIEW }

    public static NavEntry header(String key) {
        return new NavEntry(key, Kind.HEADER, null, null);
    }

    public static NavEntry view(String key, Supplier<Node> view) {
        return new NavEntry(key, Kind.VIEW, view, null);
    }

    public static NavEntry policy(PolicyPaneModel model, Supplier<Node> view) {
        return new NavEntry(model.key(), Kind.VIEW, view, model);
    }

    public boolean selectable() {
        return kind == Kind.VIEW;
    }
}
