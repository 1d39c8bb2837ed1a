package org.opensspr.policy;

import java.util.List;

import static org.opensspr.policy.RegistrationPolicy.MAX_RECONFIRM_DAYS;
import static org.opensspr.policy.RegistrationPolicy.MIN_RECONFIRM_DAYS;

/** Reconfirmation after 0–730 days (seed 004). */
final class RegistrationRule implements PolicyRule {
    @Override
    public List<PolicyViolation> check(SsprPolicy policy) {
        int days = policy.registration().reconfirmDays();
        return new Violations()
                .when(Violations.outside(days, MIN_RECONFIRM_DAYS, MAX_RECONFIRM_DAYS),
                        PolicyViolationCode.RECONFIRM_DAYS_OUT_OF_RANGE, "registration.reconfirmDays",
                        "Days before users reconfirm must be from 0 (never) to 730; it is " + days + ".")
                .list();
    }
}
