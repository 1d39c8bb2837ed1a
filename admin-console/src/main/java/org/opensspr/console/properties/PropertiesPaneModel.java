package org.opensspr.console.properties;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.api.GroupDto;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties: who may use SSPR (None, Selected groups with nested membership, All), and the networks
 * kiosks may connect from (one CIDR range per line; empty = any).
 */
public final class PropertiesPaneModel extends PolicyPaneModel {
    private final ObjectProperty<SsprScope> scope = new SimpleObjectProperty<>(SsprScope.NONE);
    private final ObservableList<String> groupIds = FXCollections.observableArrayList();
    private final Map<String, GroupDto> knownGroups = new HashMap<>();
    private final StringProperty kioskNetworks = new SimpleStringProperty("");

    public PropertiesPaneModel() {
        watch(scope, groupIds, kioskNetworks);
    }

    @Override
    protected void read(SsprPolicy policy) {
        scope.set(policy.scope().scope());
        groupIds.setAll(policy.scope().groupIds());
        kioskNetworks.set(String.join("\n", policy.kioskNetworks().allowedCidrs()));
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        // Groups stay as picked when the scope is None or All, so switching back restores them.
        List<String> groups = List.copyOf(groupIds);
        List<String> cidrs = Arrays.stream(kioskNetworks.get().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return policy.withScope(new ScopePolicy(scope.get(), groups))
                .withKioskNetworks(new KioskNetworkPolicy(cidrs));
    }

    @Override
    public String key() {
        return "properties";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("scope.", "kioskNetworks.");
    }

    /** Adds a group the admin picked; a group already selected stays once. */
    public void addGroup(GroupDto group) {
        knownGroups.put(group.id(), group);
        if (!groupIds.contains(group.id())) {
            groupIds.add(group.id());
        }
    }

    public void removeGroup(String groupId) {
        groupIds.remove(groupId);
    }

    /** Names and member counts learnt from the server, for display. */
    public void remember(Map<String, GroupDto> groups) {
        knownGroups.putAll(groups);
    }

    public GroupDto known(String groupId) {
        return knownGroups.get(groupId);
    }

    public ObjectProperty<SsprScope> scopeProperty() {
        return scope;
    }

    public ObservableList<String> groupIds() {
        return groupIds;
    }

    public StringProperty kioskNetworksProperty() {
        return kioskNetworks;
    }
}
