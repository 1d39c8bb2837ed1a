package org.opensspr.directory;

/** {@link HelpdeskRules}' answer: allowed, or the one reason it isn't (the console shows it beside the action). */
public enum HelpdeskVerdict {
    ALLOWED,
    /** None of the administrator's roles grants the action's permission. */
    ROLE_LACKS_PERMISSION,
    /** A role grants it, but none reaches every role the target holds. */
    TARGET_TOO_PRIVILEGED,
    /** Administrators use self-service for their own account, like everyone else. */
    OWN_ACCOUNT,
    /** The on-premises directory protects this account (Domain/Enterprise Admins, adminCount=1): never reset or unlocked here. */
    PROTECTED_ON_PREMISES;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
