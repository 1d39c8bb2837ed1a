package org.opensspr.server.reset;

import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.eligibility.IneligibilityReason;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.flow.FlowFacts;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A reset flow as stored: the facts the engine needs plus who, where and which step. */
record FlowRecord(String id, FlowIntent intent, String kioskId, String clientAddress, String locale,
                  String enteredUser, String userId, String outcome, int gatesRequired, List<AuthMethod> methods,
                  boolean onPremises, boolean twoGateAdmin, List<AuthMethod> passedGates, AuthMethod pendingMethod,
                  List<String> questions, FlowCompletion completion, int stepNumber, Instant startedAt,
                  Instant abandonedAt, boolean superseded) {
    static final String ELIGIBLE = "ELIGIBLE";

    FlowRecord {
        methods = List.copyOf(methods);
        passedGates = List.copyOf(passedGates);
        questions = List.copyOf(questions);
    }

    Optional<EligibilityOutcome> eligibility() {
        if (outcome == null) {
            return Optional.empty();
        }
        if (outcome.equals(ELIGIBLE)) {
            return Optional.of(new EligibilityOutcome.Eligible(gatesRequired, methods, twoGateAdmin, onPremises));
        }
        return Optional.of(new EligibilityOutcome.NotEligible(IneligibilityReason.valueOf(outcome)));
    }

    FlowFacts facts(Instant now, Optional<Instant> blockedUntil, boolean unlockWithoutResetAllowed) {
        return new FlowFacts(intent, startedAt, now, eligibility(), passedGates, Optional.ofNullable(pendingMethod),
                blockedUntil, unlockWithoutResetAllowed, Optional.ofNullable(completion));
    }

    FlowRecord identified(String typed, String user, EligibilityOutcome result) {
        return switch (result) {
            case EligibilityOutcome.Eligible e -> new FlowRecord(id, intent, kioskId, clientAddress, locale, typed, user,
                    ELIGIBLE, e.gatesRequired(), e.methods(), e.onPremises(), e.twoGateAdministrator(), passedGates,
                    pendingMethod, questions, completion, stepNumber, startedAt, abandonedAt, superseded);
            case EligibilityOutcome.NotEligible n -> new FlowRecord(id, intent, kioskId, clientAddress, locale, typed,
                    user, n.reason().name(), 0, List.of(), false, false, passedGates, pendingMethod, questions,
                    completion, stepNumber, startedAt, abandonedAt, superseded);
        };
    }

    FlowRecord choosing(AuthMethod method, List<String> drawnQuestions) {
        return new FlowRecord(id, intent, kioskId, clientAddress, locale, enteredUser, userId, outcome, gatesRequired,
                methods, onPremises, twoGateAdmin, passedGates, method, drawnQuestions, completion, stepNumber,
                startedAt, abandonedAt, superseded);
    }

    FlowRecord withQuestions(List<String> drawnQuestions) {
        return choosing(pendingMethod, drawnQuestions);
    }

    FlowRecord passed() {
        List<AuthMethod> passed = new java.util.ArrayList<>(passedGates);
        passed.add(pendingMethod);
        return new FlowRecord(id, intent, kioskId, clientAddress, locale, enteredUser, userId, outcome, gatesRequired,
                methods, onPremises, twoGateAdmin, passed, null, List.of(), completion, stepNumber, startedAt,
                abandonedAt, superseded);
    }

    FlowRecord completed(FlowCompletion value) {
        return new FlowRecord(id, intent, kioskId, clientAddress, locale, enteredUser, userId, outcome, gatesRequired,
                methods, onPremises, twoGateAdmin, passedGates, pendingMethod, questions, value, stepNumber, startedAt,
                abandonedAt, superseded);
    }

    /** The same facts one step later (after {@link FlowRepository#advance} stored them). */
    FlowRecord nextStep() {
        return new FlowRecord(id, intent, kioskId, clientAddress, locale, enteredUser, userId, outcome, gatesRequired,
                methods, onPremises, twoGateAdmin, passedGates, pendingMethod, questions, completion, stepNumber + 1,
                startedAt, abandonedAt, superseded);
    }

    static List<AuthMethod> methodsOf(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(AuthMethod::valueOf).toList();
    }

    static String textOf(List<?> values) {
        return String.join(",", values.stream().map(Object::toString).toList());
    }
}
