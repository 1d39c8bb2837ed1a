package org.opensspr.eligibility;

/**
 * What the person at the kiosk is told. Several internal reasons share one answer on purpose: an
 * unknown, disabled, not-enabled or not-registered account must look the same, so nobody can learn
 * which accounts exist.
 */
public enum PublicAnswer {
    /** "You can't reset your password here. Contact your administrator", with the helpdesk link. */
    CANNOT_RESET_HERE,
    /** An administrator account with only one usable method: the two-gate policy needs two. */
    ADMIN_NEEDS_TWO_METHODS,
    /** The password lives in the on-premises directory and can't be reset from here. */
    ON_PREMISES_CONTACT_ADMINISTRATOR
}
