package org.opensspr.flow;

import org.junit.jupiter.api.Test;
import org.opensspr.eligibility.EligibilityOutcome.Eligible;
import org.opensspr.eligibility.EligibilityOutcome.NotEligible;
import org.opensspr.eligibility.IneligibilityReason;
import org.opensspr.flow.FlowStep.ChooseMethod;
import org.opensspr.flow.FlowStep.DeadEnd;
import org.opensspr.flow.FlowStep.ProveIdentity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.methods.AuthMethod.EMAIL;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_CODE;
import static org.opensspr.methods.AuthMethod.MOBILE_APP_NOTIFICATION;
import static org.opensspr.methods.AuthMethod.SECURITY_QUESTIONS;

class ResetFlowEngineTest {
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final Eligible ONE_GATE = new Eligible(1, List.of(MOBILE_APP_CODE, EMAIL), false, false);
    private static final Eligible TWO_GATES =
            new Eligible(2, List.of(MOBILE_APP_NOTIFICATION, MOBILE_APP_CODE, EMAIL, SECURITY_QUESTIONS), false, false);

    private static FlowFacts reset() {
        return FlowFacts.started(FlowIntent.RESET_PASSWORD, START, false);
    }

    @Test
    void aNewFlowAsksForTheUserIdAndCaptcha() {
        assertThat(ResetFlowEngine.next(reset())).isEqualTo(new FlowStep.IdentifyUser());
    }

    @Test
    void oneGateResetWalksChooseProveSetPasswordDone() {
        FlowFacts facts = reset().identified(ONE_GATE);
        assertThat(ResetFlowEngine.next(facts)).isEqualTo(new ChooseMethod(1, 1, List.of(MOBILE_APP_CODE, EMAIL)));

        facts = facts.choosing(EMAIL);
        assertThat(ResetFlowEngine.next(facts)).isEqualTo(new ProveIdentity(1, 1, EMAIL));

        facts = facts.passedPending();
        assertThat(ResetFlowEngine.next(facts)).isEqualTo(new FlowStep.SetNewPassword());

        facts = facts.completed(FlowCompletion.PASSWORD_RESET);
        assertThat(ResetFlowEngine.next(facts)).isEqualTo(new FlowStep.Completed(FlowCompletion.PASSWORD_RESET));
    }

    @Test
    void theSecondGateOffersOnlyOtherRegistrations() {
        FlowFacts afterApp = reset().identified(TWO_GATES).choosing(MOBILE_APP_NOTIFICATION).passedPending();

        assertThat(ResetFlowEngine.next(afterApp)).isEqualTo(new ChooseMethod(2, 2, List.of(EMAIL, SECURITY_QUESTIONS)));

        FlowFacts afterBoth = afterApp.choosing(SECURITY_QUESTIONS).passedPending();
        assertThat(ResetFlowEngine.next(afterBoth)).isEqualTo(new FlowStep.SetNewPassword());
    }

    @Test
    void noSecondRegistrationLeftIsADeadEnd() {
        Eligible appOnly = new Eligible(2, List.of(MOBILE_APP_NOTIFICATION, MOBILE_APP_CODE), false, false);
        FlowFacts facts = reset().identified(appOnly).choosing(MOBILE_APP_CODE).passedPending();

        assertThat(ResetFlowEngine.next(facts)).isEqualTo(DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE));
    }

    @Test
    void unlockOnlyWhenThePolicyAllowsIt() {
        FlowFacts allowed = FlowFacts.started(FlowIntent.UNLOCK_ACCOUNT, START, true)
                .identified(ONE_GATE).choosing(MOBILE_APP_CODE).passedPending();
        FlowFacts notAllowed = FlowFacts.started(FlowIntent.UNLOCK_ACCOUNT, START, false)
                .identified(ONE_GATE).choosing(MOBILE_APP_CODE).passedPending();

        assertThat(ResetFlowEngine.next(allowed)).isEqualTo(new FlowStep.ConfirmUnlock());
        assertThat(ResetFlowEngine.next(allowed.completed(FlowCompletion.ACCOUNT_UNLOCKED)))
                .isEqualTo(new FlowStep.Completed(FlowCompletion.ACCOUNT_UNLOCKED));
        assertThat(ResetFlowEngine.next(notAllowed)).as("a combined reset and unlock").isEqualTo(new FlowStep.SetNewPassword());
    }

    @Test
    void ineligibleUsersMeetTheirPublicDeadEnd() {
        assertThat(ResetFlowEngine.next(reset().identified(new NotEligible(IneligibilityReason.ACCOUNT_NOT_FOUND))))
                .isEqualTo(DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE));
        assertThat(ResetFlowEngine.next(reset().identified(new NotEligible(IneligibilityReason.ACCOUNT_DISABLED))))
                .isEqualTo(DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE));
        // before the first gate every "can't" looks the same: administrators and hybrid accounts too
        for (IneligibilityReason reason : IneligibilityReason.values()) {
            assertThat(ResetFlowEngine.next(reset().identified(new NotEligible(reason))))
                    .as(reason.name()).isEqualTo(DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE));
        }
    }

    @Test
    void aFlowsLifetimeIsNoStepTheTicketAnswersForIt() {
        FlowFacts facts = reset().identified(ONE_GATE).choosing(EMAIL);

        assertThat(ResetFlowEngine.next(facts.at(START.plus(Duration.ofMinutes(15)).minusSeconds(1))))
                .isEqualTo(new ProveIdentity(1, 1, EMAIL));
        assertThat(ResetFlowEngine.next(facts.at(START.plus(Duration.ofMinutes(15)))))
                .as("410 FLOW_EXPIRED, from the ticket, is the one answer").isEqualTo(new ProveIdentity(1, 1, EMAIL));
        assertThat(DeadEndReason.values()).containsExactly(DeadEndReason.CANNOT_RESET_HERE, DeadEndReason.BLOCKED);
    }

    @Test
    void aBlockedUserWaitsUntilTheBlockEnds() {
        Instant until = START.plus(Duration.ofHours(24));
        FlowFacts blocked = reset().identified(ONE_GATE).blocked(until);

        assertThat(ResetFlowEngine.next(blocked)).isEqualTo(new DeadEnd(DeadEndReason.BLOCKED, until));
        assertThat(ResetFlowEngine.next(reset().blocked(START.minusSeconds(1)))).isEqualTo(new FlowStep.IdentifyUser());
    }

    @Test
    void completionWinsOverExpiry() {
        FlowFacts done = reset().identified(ONE_GATE).completed(FlowCompletion.PASSWORD_RESET)
                .at(START.plus(Duration.ofHours(1)));

        assertThat(ResetFlowEngine.next(done)).isEqualTo(new FlowStep.Completed(FlowCompletion.PASSWORD_RESET));
    }

    @Test
    void whatIfShowsTheFirstStepAfterIdentification() {
        assertThat(ResetFlowEngine.firstStepAfterIdentification(TWO_GATES, FlowIntent.RESET_PASSWORD, false, START))
                .isEqualTo(new ChooseMethod(1, 2, TWO_GATES.methods()));
    }
}
