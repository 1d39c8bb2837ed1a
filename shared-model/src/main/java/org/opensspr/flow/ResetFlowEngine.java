package org.opensspr.flow;

import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.eligibility.EligibilityOutcome.Eligible;
import org.opensspr.eligibility.EligibilityOutcome.NotEligible;
import org.opensspr.eligibility.PublicAnswer;
import org.opensspr.flow.FlowStep.ChooseMethod;
import org.opensspr.flow.FlowStep.DeadEnd;
import org.opensspr.flow.FlowStep.ProveIdentity;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the next step of a reset or unlock flow from its facts. Pure: the server calls it after
 * every request to tell the kiosk what comes next, and the admin console's what-if calls it to show
 * what a user would meet. A flow's lifetime is not a step: the server refuses an expired flow's ticket
 * (410 FLOW_EXPIRED) before asking, so a client meets "expired" one way only.
 */
public final class ResetFlowEngine {
    private ResetFlowEngine() {
    }

    public static FlowStep next(FlowFacts facts) {
        if (facts.completion().isPresent()) {
            return new FlowStep.Completed(facts.completion().get());
        }
        if (facts.blockedUntil().isPresent() && facts.now().isBefore(facts.blockedUntil().get())) {
            return new DeadEnd(DeadEndReason.BLOCKED, facts.blockedUntil().get());
        }
        if (facts.eligibility().isEmpty()) {
            return new FlowStep.IdentifyUser();
        }
        return switch (facts.eligibility().get()) {
            case NotEligible notEligible -> DeadEnd.of(deadEndFor(notEligible.answer()));
            case Eligible eligible -> nextForEligible(facts, eligible);
        };
    }

    private static FlowStep nextForEligible(FlowFacts facts, Eligible eligible) {
        int passed = facts.passedGates().size();
        if (passed < eligible.gatesRequired()) {
            int gate = passed + 1;
            if (facts.pendingMethod().isPresent()) {
                return new ProveIdentity(gate, eligible.gatesRequired(), facts.pendingMethod().get());
            }
            List<AuthMethod> options = remainingOptions(eligible, facts.passedGates());
            if (options.isEmpty()) {
                return DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE);
            }
            return new ChooseMethod(gate, eligible.gatesRequired(), options);
        }
        if (facts.intent() == FlowIntent.UNLOCK_ACCOUNT && facts.unlockWithoutResetAllowed()) {
            return new FlowStep.ConfirmUnlock();
        }
        return new FlowStep.SetNewPassword();
    }

    /** A second gate must use another registration: the app's code and notification are one. */
    private static List<AuthMethod> remainingOptions(Eligible eligible, List<AuthMethod> passedGates) {
        Set<AuthMethod.Registration> used = EnumSet.noneOf(AuthMethod.Registration.class);
        passedGates.forEach(m -> used.add(m.registration()));
        return eligible.methods().stream().filter(m -> !used.contains(m.registration())).toList();
    }

    private static DeadEndReason deadEndFor(PublicAnswer answer) {
        return switch (answer) {
            case CANNOT_RESET_HERE -> DeadEndReason.CANNOT_RESET_HERE;
        };
    }

    /** Convenience for what-if: the first step a user meets right after identification. */
    public static FlowStep firstStepAfterIdentification(EligibilityOutcome outcome, FlowIntent intent,
                                                         boolean unlockWithoutResetAllowed, Instant now) {
        return next(FlowFacts.started(intent, now, unlockWithoutResetAllowed).identified(outcome));
    }
}
