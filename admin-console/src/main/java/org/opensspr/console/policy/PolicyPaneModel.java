package org.opensspr.console.policy;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.opensspr.directory.Permission;
import org.opensspr.policy.SsprPolicy;

import java.util.List;
import java.util.Map;

/**
 * One settings pane's state (docs/design.md §19): {@link #load} fills it from a policy, {@link #inputProblems}
 * reports what was typed that a policy can't even hold, {@link #store} writes the pane's section into a
 * policy. The {@link PolicyEditor} validates every pane before it saves any.
 */
public abstract class PolicyPaneModel {
    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final BooleanProperty editable = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private SsprPolicy loaded = SsprPolicy.defaults();
    private boolean loading;

    /** Fills every field from {@code policy}, forgetting edits and problems. */
    public final void load(SsprPolicy policy) {
        loaded = policy;
        loading = true;
        try {
            read(policy);
        } finally {
            loading = false;
        }
        problems.clear();
        refreshDirty();
    }

    protected abstract void read(SsprPolicy policy);

    /** {@code policy} with this pane's section replaced by the edited values; only when no input problem. */
    public abstract SsprPolicy store(SsprPolicy policy);

    /** Problems the policy record can't represent (e.g. letters in a number), by field path. */
    public Map<String, String> inputProblems() {
        return Map.of();
    }

    /** The pane's name in the navigation and in texts, e.g. {@code "registration"}. */
    public abstract String key();

    /** Field-path prefixes of the section this pane edits, e.g. {@code "registration."}. */
    public abstract List<String> ownedFields();

    /** What an administrator needs to change this pane. */
    public Permission editPermission() {
        return Permission.MANAGE_POLICY;
    }

    public boolean owns(String field) {
        return ownedFields().stream().anyMatch(prefix -> field.startsWith(prefix) || (field + ".").equals(prefix));
    }

    /** The policy the pane was last loaded from. */
    public SsprPolicy loaded() {
        return loaded;
    }

    /** Problems shown on the pane, by field path; cleared on load and before every validation. */
    public ObservableMap<String, String> problems() {
        return problems;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Subclasses call this with every property the user edits, so "unsaved" stays true to the fields. */
    protected final void watch(Observable... observables) {
        for (Observable observable : observables) {
            observable.addListener(o -> {
                if (!loading) {
                    refreshDirty();
                }
            });
        }
    }

    private void refreshDirty() {
        dirty.set(!inputProblems().isEmpty() || !store(loaded).equals(loaded));
    }
}
