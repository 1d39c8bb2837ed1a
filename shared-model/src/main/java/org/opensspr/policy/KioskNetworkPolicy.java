package org.opensspr.policy;

import java.util.List;

/** CIDR ranges kiosks may connect from; empty means any network (seed 000's inside/outside test). */
public record KioskNetworkPolicy(List<String> allowedCidrs) {
    public KioskNetworkPolicy {
        allowedCidrs = Copies.list(allowedCidrs);
    }

    public static KioskNetworkPolicy anyNetwork() {
        return new KioskNetworkPolicy(List.of());
    }
}
