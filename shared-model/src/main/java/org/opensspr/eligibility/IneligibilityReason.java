package org.opensspr.eligibility;

/** Why a user can't use SSPR, in the order the checks run; the audit records this, the user sees {@link #answer()}. */
public enum IneligibilityReason {
    ACCOUNT_NOT_FOUND(PublicAnswer.CANNOT_RESET_HERE),
    ACCOUNT_DISABLED(PublicAnswer.CANNOT_RESET_HERE),
    NOT_ENABLED_FOR_SSPR(PublicAnswer.CANNOT_RESET_HERE),
    ADMIN_SSPR_DISABLED(PublicAnswer.CANNOT_RESET_HERE),
    NOT_ENOUGH_METHODS_REGISTERED(PublicAnswer.CANNOT_RESET_HERE),
    ADMIN_NEEDS_TWO_METHODS(PublicAnswer.CANNOT_RESET_HERE),
    WRITEBACK_DISABLED(PublicAnswer.CANNOT_RESET_HERE),
    PROTECTED_ON_PREMISES_ACCOUNT(PublicAnswer.CANNOT_RESET_HERE);

    private final PublicAnswer answer;

    IneligibilityReason(PublicAnswer answer) {
        this.answer = answer;
    }

    public PublicAnswer answer() {
        return answer;
    }
}
