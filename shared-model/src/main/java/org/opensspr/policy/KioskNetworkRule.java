package org.opensspr.policy;

import java.util.List;

/** Every allowed kiosk network must parse as a CIDR range. */
final class KioskNetworkRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        Violations v = new Violations();
        List<String> cidrs = policy.kioskNetworks().allowedCidrs();
        for (int i = 0; i < cidrs.size(); i++) {
            try {
                Cidr.parse(cidrs.get(i));
            } catch (IllegalArgumentException e) {
                v.add(PolicyViolationCode.KIOSK_NETWORK_INVALID, "kioskNetworks.allowedCidrs[" + i + "]", e.getMessage());
            }
        }
        return v.list();
    }
}
