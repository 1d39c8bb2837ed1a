package org.opensspr.console.onprem;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.SsprPolicy;

import java.util.List;

/** On-premises integration: write passwords back to the on-premises directory; unlock without a reset. */
public final class OnPremisesPaneModel extends PolicyPaneModel {
    private final BooleanProperty writeback = new SimpleBooleanProperty();
    private final BooleanProperty unlockWithoutReset = new SimpleBooleanProperty();

    public OnPremisesPaneModel() {
        watch(writeback, unlockWithoutReset);
    }

    @Override
    protected void read(SsprPolicy policy) {
        writeback.set(policy.onPremises().writebackEnabled());
        unlockWithoutReset.set(policy.onPremises().unlockWithoutReset());
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        return policy.withOnPremises(new OnPremisesPolicy(writeback.get(), unlockWithoutReset.get()));
    }

    @Override
    public String key() {
        return "onprem";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("onPremises.");
    }

    public BooleanProperty writebackProperty() {
        return writeback;
    }

    public BooleanProperty unlockWithoutResetProperty() {
        return unlockWithoutReset;
    }
}
