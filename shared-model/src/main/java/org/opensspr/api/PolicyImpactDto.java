package org.opensspr.api;

/**
 * What saving a proposed policy would do to the directory's enabled users, compared with the policy in
 * force ({@code basedOnVersion}), computed by the server with the engines the kiosk uses.
 *
 * @param newlyOutOfScope         SSPR covers them now, it wouldn't any more
 * @param newlyUnableToReset      covered by both, able to reset now, not enough usable methods (or no
 *                                writeback) under the proposed policy
 * @param newlyRequiredToRegister sign-in would ask them to register, which it doesn't now
 */
public record PolicyImpactDto(int basedOnVersion, ImpactGroupDto newlyOutOfScope, ImpactGroupDto newlyUnableToReset,
                              ImpactGroupDto newlyRequiredToRegister) {
}
