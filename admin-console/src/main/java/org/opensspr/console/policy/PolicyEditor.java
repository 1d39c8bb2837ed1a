package org.opensspr.console.policy;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.policy.PolicyValidator;
import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.SsprPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the policy version being edited and every pane's model. Checks all panes with the shared
 * validator before anything is saved, and routes each violation to the pane that owns its field.
 */
public final class PolicyEditor {
    private final List<PolicyPaneModel> panes;
    private final ObjectProperty<PolicyDocumentDto> document = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;

    public PolicyEditor(List<PolicyPaneModel> panes) {
        this.panes = List.copyOf(panes);
        this.dirty = Bindings.createBooleanBinding(() -> this.panes.stream().anyMatch(PolicyPaneModel::isDirty),
                this.panes.stream().map(PolicyPaneModel::dirtyProperty).toArray(javafx.beans.Observable[]::new));
    }

    public List<PolicyPaneModel> panes() {
        return panes;
    }

    /** Shows {@code loaded} in every pane, dropping edits. */
    public void load(PolicyDocumentDto loaded) {
        document.set(loaded);
        panes.forEach(pane -> pane.load(loaded.policy()));
    }

    public ObjectProperty<PolicyDocumentDto> documentProperty() {
        return document;
    }

    public int version() {
        return document.get() == null ? 0 : document.get().version();
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    /** Validates every pane; marks each problem on its pane; returns the policy only when none has any. */
    public PolicyCheck check() {
        panes.forEach(pane -> pane.problems().clear());
        Map<PolicyPaneModel, Map<String, String>> found = new LinkedHashMap<>();
        for (PolicyPaneModel pane : panes) {
            if (!pane.inputProblems().isEmpty()) {
                found.put(pane, pane.inputProblems());
            }
        }
        if (!found.isEmpty()) {
            return invalid(found, List.of());
        }
        SsprPolicy policy = compose();
        Optional<PolicyCheck.Invalid> invalid = placeViolations(PolicyValidator.validate(policy));
        return invalid.isPresent() ? invalid.get() : new PolicyCheck.Ready(policy);
    }

    /** Marks violations the server reported (it validates again) the same way as local ones. */
    public Optional<PolicyCheck.Invalid> placeViolations(List<PolicyViolation> violations) {
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        Map<PolicyPaneModel, Map<String, String>> found = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (PolicyViolation violation : violations) {
            Optional<PolicyPaneModel> owner = ownerOf(violation.field());
            if (owner.isPresent()) {
                found.computeIfAbsent(owner.get(), p -> new LinkedHashMap<>())
                        .merge(violation.field(), violation.reason(), (a, b) -> a + "\n" + b);
            } else {
                unplaced.add(violation.reason());
            }
        }
        return Optional.of(invalid(found, unplaced));
    }

    private PolicyCheck.Invalid invalid(Map<PolicyPaneModel, Map<String, String>> found, List<String> unplaced) {
        int count = unplaced.size();
        for (Map.Entry<PolicyPaneModel, Map<String, String>> entry : found.entrySet()) {
            entry.getKey().problems().putAll(entry.getValue());
            count += entry.getValue().size();
        }
        return new PolicyCheck.Invalid(List.copyOf(new LinkedHashSet<>(found.keySet())), count, unplaced);
    }

    private Optional<PolicyPaneModel> ownerOf(String field) {
        return panes.stream().filter(pane -> pane.owns(field)).findFirst();
    }

    private SsprPolicy compose() {
        SsprPolicy policy = document.get() == null ? SsprPolicy.defaults() : document.get().policy();
        for (PolicyPaneModel pane : panes) {
            policy = pane.store(policy);
        }
        return policy;
    }
}
