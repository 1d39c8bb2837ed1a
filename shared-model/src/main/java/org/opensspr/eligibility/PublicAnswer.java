package org.opensspr.eligibility;

/**
 * What the person at the kiosk is told. Every internal reason shares one answer on purpose: before the
 * first gate, an unknown, disabled, not-enabled or not-registered account, an administrator short of a
 * second method and an on-premises account that can't be written back must all look the same, so nobody
 * can learn which accounts exist, which are administrators or which are hybrid. The specific reason goes
 * to the audit log and the console's what-if.
 */
public enum PublicAnswer {
    /** "You can't reset your password here. Contact your administrator", with the helpdesk link. */
    CANNOT_RESET_HERE
}
