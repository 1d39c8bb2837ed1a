package org.opensspr.policy;

/**
 * Administrators may use SSPR by default, whatever the scope says (seed 002); this switch turns it off.
 * The two-gate rules themselves are fixed (see {@code AdminTwoGatePolicy}) and not configurable.
 */
public record AdministratorPolicy(boolean selfServiceEnabled) {
    public static AdministratorPolicy defaults() {
        return new AdministratorPolicy(true);
    }
}
