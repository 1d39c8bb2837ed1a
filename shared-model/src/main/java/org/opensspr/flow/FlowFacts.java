package org.opensspr.flow;

import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a flow's next step, as the server has stored it.
 *
 * @param eligibility  empty until the user has been identified (user ID + captcha)
 * @param passedGates  methods already proven, in order
 * @param pendingMethod the method chosen for the current gate and not yet proven
 * @param blockedUntil set while throttling blocks this user (or kiosk)
 * @param unlockWithoutResetAllowed the policy's on-premises "unlock without resetting" switch
 * @param completion   set once the reset or unlock has been carried out
 */
public record FlowFacts(FlowIntent intent, Instant startedAt, Instant now,
                        Optional<EligibilityOutcome> eligibility, List<AuthMethod> passedGates,
                        Optional<AuthMethod> pendingMethod, Optional<Instant> blockedUntil,
                        boolean unlockWithoutResetAllowed, Optional<FlowCompletion> completion) {
    public FlowFacts {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(now, "now");
        eligibility = eligibility == null ? Optional.empty() : eligibility;
        passedGates = passedGates == null ? List.of() : List.copyOf(passedGates);
        pendingMethod = pendingMethod == null ? Optional.empty() : pendingMethod;
        blockedUntil = blockedUntil == null ? Optional.empty() : blockedUntil;
        completion = completion == null ? Optional.empty() : completion;
    }

    /** A flow that has just started: nothing known yet. */
    public static FlowFacts started(FlowIntent intent, Instant at, boolean unlockWithoutResetAllowed) {
        return new FlowFacts(intent, at, at, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                unlockWithoutResetAllowed, Optional.empty());
    }

    public FlowFacts at(Instant value) {
        return new FlowFacts(intent, startedAt, value, eligibility, passedGates, pendingMethod, blockedUntil,
                unlockWithoutResetAllowed, completion);
    }

    public FlowFacts identified(EligibilityOutcome value) {
        return new FlowFacts(intent, startedAt, now, Optional.of(value), passedGates, pendingMethod, blockedUntil,
                unlockWithoutResetAllowed, completion);
    }

    public FlowFacts choosing(AuthMethod method) {
        return new FlowFacts(intent, startedAt, now, eligibility, passedGates, Optional.of(method), blockedUntil,
                unlockWithoutResetAllowed, completion);
    }

    /** The pending method was proven: it joins the passed gates. */
    public FlowFacts passedPending() {
        AuthMethod method = pendingMethod.orElseThrow(() -> new IllegalStateException("No method pending"));
        List<AuthMethod> passed = new ArrayList<>(passedGates);
        passed.add(method);
        return new FlowFacts(intent, startedAt, now, eligibility, passed, Optional.empty(), blockedUntil,
                unlockWithoutResetAllowed, completion);
    }

    public FlowFacts blocked(Instant until) {
        return new FlowFacts(intent, startedAt, now, eligibility, passedGates, pendingMethod, Optional.of(until),
                unlockWithoutResetAllowed, completion);
    }

    public FlowFacts completed(FlowCompletion value) {
        return new FlowFacts(intent, startedAt, now, eligibility, passedGates, pendingMethod, blockedUntil,
                unlockWithoutResetAllowed, Optional.of(value));
    }
}
