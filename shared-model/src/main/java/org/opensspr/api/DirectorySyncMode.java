package org.opensspr.api;

/** How much of the on-premises directory a sync reads (docs/design.md §24). */
public enum DirectorySyncMode {
    /** Every user and group under the base DN; what vanished is deleted. */
    FULL,
    /** Only what changed since the last real run (AD: uSNChanged on the same DC; OpenLDAP: modifyTimestamp). */
    DELTA
}
