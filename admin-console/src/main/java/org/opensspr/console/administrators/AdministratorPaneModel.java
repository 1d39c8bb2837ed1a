package org.opensspr.console.administrators;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.AdministratorPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.List;

/** Administrator policy: the fixed two-gate rules are shown; only the admin-SSPR switch is a setting. */
public final class AdministratorPaneModel extends PolicyPaneModel {
    private final BooleanProperty selfService = new SimpleBooleanProperty();

    public AdministratorPaneModel() {
        watch(selfService);
    }

    @Override
    protected void read(SsprPolicy policy) {
        selfService.set(policy.administrators().selfServiceEnabled());
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        return policy.withAdministrators(new AdministratorPolicy(selfService.get()));
    }

    @Override
    public String key() {
        return "admins";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("administrators.");
    }

    public BooleanProperty selfServiceProperty() {
        return selfService;
    }
}
