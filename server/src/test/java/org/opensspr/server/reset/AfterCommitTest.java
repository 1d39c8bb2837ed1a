package org.opensspr.server.reset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.kiosk.KioskCaller;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.metrics.ThrottleMeters;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.server.throttle.ThrottleStore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.RESET_FLOW;

/**
 * What a step counts, it counts once its transaction has committed (and sees it committed); a step that rolls
 * back — here because another request advanced the flow meanwhile, as a racing duplicate would — counts nothing.
 * The step pipeline is the one place every flow meter goes through, so it is tested here, deterministically.
 */
@SharedServer
class AfterCommitTest {
    private static final KioskCaller KIOSK = KioskCaller.of(Principal.ANONYMOUS, "127.0.0.1");
    private InProcessServer server;
    private ResetFlows flows;
    private FlowSteps steps;

    @BeforeEach
    void flowsOverTheServersDatabase() {
        OpenSsprServer s = server.server();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ThrottleStore throttles = new ThrottleStore();
        steps = new FlowSteps(s.database(), s.clock(), s.policies(), s.directory(), s.auditLog(), throttles,
                new FlowMeters(registry), new ThrottleMeters(registry), new NewPasswordRules(null));
        flows = new ResetFlows(steps, s.database(), s.clock(), s.policies(), s.directory(), s.auditLog(),
                new CaptchaGate(new CaptchaService(s.database(), s.clock(), true)), List.of(), throttles,
                new EffectivePolicy(false, EffectivePolicy.over(Set.of())), new FlowMeters(registry),
                new ThrottleMeters(registry));
    }

    @Test
    void aCommittedStepCountsOnceAndOnlyAfterItsCommit() {
        FlowResponse started = flows.start(new StartFlowRequest(FlowIntent.RESET_PASSWORD, "en-US"), KIOSK);
        List<Integer> stepsSeenByTheMeasure = new ArrayList<>();

        steps.step(started.ticket(), KIOSK, FlowStep.IdentifyUser.class, (tx, flow, policy, now) ->
                new FlowSteps.Result(flow, null, null, null).afterCommit(() ->
                        // read on another connection: only committed work is visible there
                        stepsSeenByTheMeasure.add(stepNumberOf(flow.id()))));

        assertThat(stepsSeenByTheMeasure).as("counted once, the step already committed").containsExactly(1);
    }

    @Test
    void aStepThatRollsBackCountsNothing() {
        FlowResponse started = flows.start(new StartFlowRequest(FlowIntent.RESET_PASSWORD, "en-US"), KIOSK);
        List<String> counted = new ArrayList<>();

        assertThatThrownBy(() -> steps.step(started.ticket(), KIOSK, FlowStep.IdentifyUser.class,
                (tx, flow, policy, now) -> {
                    // Another request advanced the flow meanwhile, so this step's conditional update finds no row.
                    tx.update(RESET_FLOW).set(RESET_FLOW.STEP_NUMBER, RESET_FLOW.STEP_NUMBER.plus(1))
                            .where(RESET_FLOW.ID.eq(flow.id())).execute();
                    return new FlowSteps.Result(flow, null, null, null).afterCommit(() -> counted.add("counted"));
                }))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_ALREADY_USED));

        assertThat(counted).isEmpty();
    }

    private int stepNumberOf(String flowId) {
        return server.server().database().dsl().select(RESET_FLOW.STEP_NUMBER).from(RESET_FLOW)
                .where(RESET_FLOW.ID.eq(flowId)).fetchOne(RESET_FLOW.STEP_NUMBER);
    }
}
