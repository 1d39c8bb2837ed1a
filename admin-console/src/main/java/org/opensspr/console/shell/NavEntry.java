package org.opensspr.console.shell;

import javafx.scene.Node;
import org.opensspr.console.policy.PolicyPaneModel;

import java.util.function.Supplier;

/**
 * One line of the navigation: a section header, a view (built on first show), or a view that a later
 * version brings (listed so admins see where insights will live).
 */
public record NavEntry(String key, Kind kind, Supplier<Node> view, PolicyPaneModel policyPane) {

    public enum Kind { HEADER, VIEW, COMING }

    public static NavEntry header(String key) {
        return new NavEntry(key, Kind.HEADER, null, null);
    }

    public static NavEntry view(String key, Supplier<Node> view) {
        return new NavEntry(key, Kind.VIEW, view, null);
    }

    public static NavEntry policy(PolicyPaneModel model, Supplier<Node> view) {
        return new NavEntry(model.key(), Kind.VIEW, view, model);
    }

    public static NavEntry coming(String key) {
        return new NavEntry(key, Kind.COMING, null, null);
    }

    public boolean selectable() {
        return kind == Kind.VIEW;
    }
}
