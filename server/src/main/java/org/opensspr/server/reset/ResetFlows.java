package org.opensspr.server.reset;

import org.opensspr.server.reset.FlowSteps.Held;
import org.opensspr.server.reset.FlowSteps.Result;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.kiosk.KioskCaller;
import org.jooq.DSLContext;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.TicketRequest;
import org.opensspr.api.WhatIfDto;
import org.opensspr.flow.FlowIntent;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.flow.FlowStep;
import org.opensspr.flow.ResetFlowEngine;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.crypto.HashingCapacity;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.directory.SqlGroupMembership;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.metrics.FlowFailure;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.metrics.ThrottleMeters;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reset and unlock flows' steps up to the new password: start, identify, choose a method, prove it (and
 * back, resend, abandon). Each runs through {@link FlowSteps}: the flow opened by its ticket and checked at the
 * step the engine says is current, the step's work in one transaction, the ticket swapped, the engine's next step
 * as the answer. The kiosk decides nothing.
 */
public final class ResetFlows {
    /** Identification answers take at least this long, so unknown and known accounts can't be told apart by time. */
    static final Duration IDENTIFY_FLOOR = Duration.ofMillis(400);
    private final AnswerFloor identifyFloor = AnswerFloor.of(IDENTIFY_FLOOR);

    private final FlowSteps steps;
    private final Database database;
    private final Clock clock;
    private final PolicyService policies;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final Captchas captchas;
    private final Map<AuthMethod, Gate> gates;
    private final FlowRepository flows = new FlowRepository();
    private final FlowTicket tickets = new FlowTicket(flows);
    private final ThrottleStore throttles;
    private final EffectivePolicy effective;
    private final FlowMeters meters;
    private final ThrottleMeters throttleMeters;

    ResetFlows(FlowSteps steps, Database database, Clock clock, PolicyService policies, DirectoryService directory,
               AuditLog audit, Captchas captchas, List<Gate> gates, ThrottleStore throttles, EffectivePolicy effective,
               FlowMeters meters, ThrottleMeters throttleMeters) {
        this.steps = steps;
        this.database = database;
        this.clock = clock;
        this.policies = policies;
        this.directory = directory;
        this.audit = audit;
        this.captchas = captchas;
        this.throttles = throttles;
        this.effective = effective;
        this.meters = meters;
        this.throttleMeters = throttleMeters;
        this.gates = new java.util.EnumMap<>(AuthMethod.class);
        gates.forEach(gate -> gate.methods().forEach(method -> this.gates.put(method, gate)));
    }

    public FlowResponse start(StartFlowRequest request, KioskCaller caller) {
        Instant now = clock.instant();
        SsprPolicy policy = policies.currentPolicy();
        String kioskId = caller.kioskId();
        String address = caller.address();
        String kioskKey = ThrottleStore.kioskKey(kioskId != null ? kioskId : address);
        String locale = org.opensspr.server.http.LanguageTags.normalized(request.locale(), "locale");
        CaptchaService.Drawn drawn = captchas.draw();
        // Starts at one kiosk take turns, on every server, so a burst can't all count below the limit.
        FlowResponse started = throttles.inTurn(database, kioskKey, now, tx -> {
            if (throttles.forKiosk(tx, kioskKey, now) instanceof ThrottleDecision.Blocked blocked) {
                // A refusal is answered whatever becomes of the transaction, so it counts where it is decided.
                throttleMeters.blocked(blocked.rule());
                meters.failed(FlowFailure.THROTTLED);
                throw new ApiException(ErrorCode.THROTTLED, "Too many resets were started at this kiosk; try again in "
                        + Math.max(1, blocked.remaining(now).toMinutes()) + " minutes.", List.of(), blocked.until());
            }
            throttles.record(tx, kioskKey, ThrottleEventKind.FLOW_STARTED, false, now);
            String ticket = tickets.newTicket();
            FlowRecord flow = new FlowRecord(UUID.randomUUID().toString(), request.intent(), kioskId, address,
                    locale, null, null, null, 0, List.of(), false, false, List.of(), null, List.of(),
                    null, 0, now, null, false);
            flows.insert(tx, flow, Tokens.sha256Hex(ticket), now);
            progress(tx, flow, "", "Flow started: " + request.intent(), null);
            return FlowResponses.of(flow, ticket, new FlowStep.IdentifyUser(), policy.customization(),
                    captchas.storeFirst(tx, flow.id(), drawn), null, null);
        });
        meters.started(request.intent());
        return started;
    }

    /** A fresh captcha for the identify step (the old one is spent), up to the flow's share. */
    public FlowResponse refreshCaptcha(TicketRequest request, KioskCaller caller) {
        CaptchaService.Drawn drawn = captchas.draw();
        return steps.step(request.ticket(), caller, FlowStep.IdentifyUser.class, (tx, flow, policy, now) ->
                new Result(flow, captchas.store(tx, flow.id(), drawn).orElseThrow(() -> new ApiException(
                        ErrorCode.THROTTLED, "This reset has shown too many pictures; start again.")), null, null));
    }

    public FlowResponse identify(IdentifyRequest request, KioskCaller caller) {
        long started = identifyFloor.start();
        try {
            String typed = typedUser(request.userId());
            return steps.step(request.ticket(), caller, FlowStep.IdentifyUser.class, (tx, flow, policy, now) -> {
                if (!captchas.verify(tx, flow.id(), request.captchaId(), request.captchaAnswer())) {
                    // The wrong answer spent the captcha; past the flow's share of pictures none follows.
                    return captchas.store(tx, flow.id(), captchas.draw())
                            .map(next -> new Result(flow, next, null, "WRONG_CAPTCHA"))
                            .orElseGet(() -> new Result(flow, null, null, "CAPTCHA_LIMIT"));
                }
                Optional<DirectoryUser> user = directory.loadUserByUpn(tx, typed);
                EligibilityOutcome outcome = effective.engine(new SqlGroupMembership(tx))
                        .evaluate(effective(policy), user);
                FlowRecord identified = flow.identified(typed, user.map(DirectoryUser::id).orElse(null), outcome);
                String reason = outcome instanceof EligibilityOutcome.NotEligible n ? n.reason().name() : null;
                progress(tx, identified, typed, "User identified", reason);
                Result result = new Result(identified, null, null, null);
                return reason == null ? result : result.afterCommit(() -> meters.failed(FlowFailure.INELIGIBLE));
            });
        } finally {
            identifyFloor.holdFrom(started);
        }
    }

    public FlowResponse choose(ChooseMethodRequest request, KioskCaller caller) {
        return steps.step(request.ticket(), caller, FlowStep.ChooseMethod.class, (tx, flow, policy, now) -> {
            FlowStep.ChooseMethod step = (FlowStep.ChooseMethod) steps.currentStep(tx, flow, policy, now);
            if (request.method() == null || !step.options().contains(request.method())) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, "method", "Choose one of the offered methods.");
            }
            if (request.delivery() != null && !request.delivery().reaches(request.method())) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, "delivery",
                        "A mobile phone's code is texted or read out by a call; an office phone's only by a call.");
            }
            Gate.Challenge challenge = gate(request.method()).open(tx,
                    context(tx, flow, request.method(), policy, now, request.delivery()));
            FlowRecord choosing = flow.choosing(request.method(), challenge.questionIds());
            progress(tx, choosing, flow.enteredUser(), "Method chosen for gate " + step.gate() + ": " + request.method(), null);
            return new Result(choosing, null, challenge.dto(), null);
        });
    }

    /** The most answers a proof may carry: the policy asks 3 to 5 questions. */
    static final int MAX_ANSWERS = 5;
    private static final int MAX_ANSWER_LENGTH = 200;
    private static final int MAX_CODE_LENGTH = 32;

    public FlowResponse prove(ProveRequest request, KioskCaller caller) {
        requireBounded(request);
        // A hashed gate's proof can't run inside the step's transaction: its flow is left as it was and the proof
        // goes the held way, which checks again.
        return steps.stepUnless(request.ticket(), caller, FlowStep.ProveIdentity.class,
                flow -> gate(flow.pendingMethod()) instanceof HashedGate, (tx, flow, policy, now) -> {
            AuthMethod method = flow.pendingMethod();
            Gate gate = gate(method);
            Gate.GateContext context = context(tx, flow, method, policy, now);
            Gate.Proof proof = gate.check(tx, context, request.code(), request.answers());
            if (proof instanceof Gate.Proof.Pending pending) {
                // Nothing to judge yet (a notification not answered): no attempt, the same gate again.
                return new Result(flow, null, gate.describe(tx, context), pending.notice());
            }
            if (!gate.countedWhereAnswered()) {
                throttles.record(tx, ThrottleStore.userKey(flow.userId()), attemptKind(method),
                        !(proof instanceof Gate.Proof.Passed), now);
            }
            return proven(tx, flow, gate, context, proof);
        }).orElseGet(() -> proveHashed(request, caller));
    }

    /** An attempt counted as failed before its hashing, and what the hashing needs. */
    private record HashedAttempt<T>(long attemptId, HashedGate<T> gate, T prepared) {
        Gate.Proof verify(ProveRequest request) {
            return gate.verify(prepared, request.code(), request.answers());
        }
    }

    /**
     * A proof that costs deliberate hashing (security answers): the attempt is counted — as failed — and
     * the stored hashes read while the flow is held; the hashing runs with no database connection held;
     * only a right answer turns the attempt into a success. A request that dies midway has used an attempt.
     */
    private FlowResponse proveHashed(ProveRequest request, KioskCaller caller) {
        // Admitted to hash before anything is counted or held: when every slot is taken, BUSY having changed nothing.
        return HashingCapacity.admitHere(() -> proveHashedAdmitted(request, caller));
    }

    private FlowResponse proveHashedAdmitted(ProveRequest request, KioskCaller caller) {
        Held<HashedAttempt<?>> held = steps.hold(request.ticket(), caller, FlowStep.ProveIdentity.class, (tx, flow, policy, now) -> {
            if (!(gate(flow.pendingMethod()) instanceof HashedGate<?> hashed)) {
                throw new ApiException(ErrorCode.CONFLICT, "This flow is not at that step; continue from its current screen.");
            }
            return attempt(tx, flow, hashed, policy, now);
        });
        if (held.ended() != null) {
            return held.ended();
        }
        Gate.Proof proof = held.value().verify(request);
        return steps.finishHeld(held, (tx, flow, policy, now) -> {
            if (proof instanceof Gate.Proof.Passed) {
                throttles.succeeded(tx, held.value().attemptId());
            }
            return proven(tx, flow, held.value().gate(), context(tx, flow, flow.pendingMethod(), policy, now), proof);
        });
    }

    private <T> HashedAttempt<T> attempt(DSLContext tx, FlowRecord flow, HashedGate<T> gate, SsprPolicy policy,
                                         Instant now) {
        long attempt = throttles.record(tx, ThrottleStore.userKey(flow.userId()), attemptKind(flow.pendingMethod()),
                true, now);
        return new HashedAttempt<>(attempt, gate, gate.prepare(tx, context(tx, flow, flow.pendingMethod(), policy, now)));
    }

    /** The flow after a proof: the gate passed, or the same gate again (questions drawn anew). */
    private Result proven(DSLContext tx, FlowRecord flow, Gate gate, Gate.GateContext context, Gate.Proof proof) {
        AuthMethod method = flow.pendingMethod();
        if (proof instanceof Gate.Proof.Passed) {
            FlowRecord next = flow.passed();
            progress(tx, next, flow.enteredUser(), "Gate " + next.passedGates().size() + " passed: " + method, null,
                    method);
            return new Result(next, null, null, null).afterCommit(() -> meters.gate(method, true));
        }
        Gate.Proof.Failed failed = (Gate.Proof.Failed) proof;
        progress(tx, flow, flow.enteredUser(), "Gate failed: " + method, failed.notice(), method);
        // Questions are drawn again after a wrong answer; a code stays until it expires.
        Gate.Challenge again = method == AuthMethod.SECURITY_QUESTIONS ? gate.open(tx, context) : null;
        FlowRecord next = again == null ? flow : flow.withQuestions(again.questionIds());
        return new Result(next, null, again == null ? gate.describe(tx, context) : again.dto(), failed.notice())
                .afterCommit(() -> meters.gate(method, false));
    }

    /** Refuses, before anything is read or counted, a proof no question set or code could need. */
    private static void requireBounded(ProveRequest request) {
        if (request.code() != null && request.code().length() > MAX_CODE_LENGTH) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "code", "The code is too long.");
        }
        if (request.answers() == null) {
            return;
        }
        if (request.answers().size() > MAX_ANSWERS) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "answers",
                    "Answer the questions asked (at most " + MAX_ANSWERS + ").");
        }
        for (var answer : request.answers().entrySet()) {
            if (answer.getKey().length() > MAX_ANSWER_LENGTH
                    || (answer.getValue() != null && answer.getValue().length() > MAX_ANSWER_LENGTH)) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, "answers",
                        "An answer is longer than " + MAX_ANSWER_LENGTH + " characters.");
            }
        }
    }

    /**
     * Back from an open gate to the choice of methods ("I can't use my app now", "use another method"):
     * the gate's code or notification stays unanswerable by this flow until it is chosen again.
     */
    public FlowResponse back(TicketRequest request, KioskCaller caller) {
        return steps.step(request.ticket(), caller, FlowStep.ProveIdentity.class, (tx, flow, policy, now) -> {
            FlowRecord choosing = flow.choosing(null, List.of());
            progress(tx, choosing, flow.enteredUser(), "Back to the method choice from " + flow.pendingMethod(), null);
            return new Result(choosing, null, null, null);
        });
    }

    /** "Send again": a new code to the same destination, counted like any send. */
    public FlowResponse resend(TicketRequest request, KioskCaller caller) {
        return steps.step(request.ticket(), caller, FlowStep.ProveIdentity.class, (tx, flow, policy, now) -> {
            Gate gate = gate(flow.pendingMethod());
            if (!gate.resendable()) {
                throw new ApiException(ErrorCode.CONFLICT, "This method has nothing to send again.");
            }
            Gate.GateContext context = context(tx, flow, flow.pendingMethod(), policy, now);
            ChallengeDto open = gate.describe(tx, context);
            if (open.resendAvailableAt() != null && now.isBefore(open.resendAvailableAt())) {
                // Too soon: nothing is sent and the kiosk is told again when it may ask.
                return new Result(flow, null, open, "RESEND_TOO_SOON");
            }
            Gate.Challenge challenge = gate.open(tx, context);
            progress(tx, flow, flow.enteredUser(), "Code sent again: " + flow.pendingMethod(), null);
            return new Result(flow, null, challenge.dto(), "CODE_SENT_AGAIN");
        });
    }

    /**
     * What-if for the console: the step this user would meet right after identification, from the same
     * engines and effective policy as a real flow (throttling blocks aside).
     */
    public WhatIfDto whatIf(String userPrincipalName, FlowIntent intent) {
        String typed = typedUser(userPrincipalName);
        SsprPolicy policy = policies.currentPolicy();
        Optional<DirectoryUser> user = directory.loadUserByUpn(typed);
        EligibilityOutcome outcome = effective.engine(new SqlGroupMembership(database.dsl()))
                .evaluate(effective(policy), user);
        FlowStep step = ResetFlowEngine.firstStepAfterIdentification(outcome, intent,
                policy.onPremises().unlockWithoutReset(), clock.instant());
        String reason = outcome instanceof EligibilityOutcome.NotEligible n ? n.reason().name() : null;
        return new WhatIfDto(typed, user.isPresent(), reason, step);
    }

    /** The kiosk went idle or the user cancelled: the flow ends and its ticket stops working (410). */
    public void abandon(TicketRequest request, KioskCaller caller) {
        Instant now = clock.instant();
        database.inTransactionDo(tx -> {
            FlowRecord flow = tickets.open(tx, request.ticket(), caller, now);
            flows.abandon(tx, flow.id(), now);
            progress(tx, flow, flow.enteredUser(), "Flow abandoned", null);
        });
        meters.failed(FlowFailure.ABANDONED);
    }

    private Gate gate(AuthMethod method) {
        Gate gate = gates.get(method);
        if (gate == null) {
            throw new ApiException(ErrorCode.CONFLICT, "The method " + method + " is not available on this server yet.");
        }
        return gate;
    }

    private Gate.GateContext context(DSLContext tx, FlowRecord flow, AuthMethod method, SsprPolicy policy, Instant now) {
        return context(tx, flow, method, policy, now, null);
    }

    private Gate.GateContext context(DSLContext tx, FlowRecord flow, AuthMethod method, SsprPolicy policy, Instant now,
                                     org.opensspr.methods.PhoneDelivery delivery) {
        DirectoryUser user = directory.loadUser(tx, flow.userId()).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "The account changed during the reset; start again."));
        return new Gate.GateContext(flow, user, method, Locale.forLanguageTag(flow.locale()), now, policy, delivery);
    }

    private static ThrottleEventKind attemptKind(AuthMethod method) {
        return switch (method) {
            case MOBILE_APP_CODE -> ThrottleEventKind.APP_CODE_ATTEMPT;
            case MOBILE_APP_NOTIFICATION -> ThrottleEventKind.APP_NOTIFICATION_ATTEMPT;
            case SECURITY_QUESTIONS -> ThrottleEventKind.SECURITY_QUESTION_ATTEMPT;
            case EMAIL -> ThrottleEventKind.CODE_ENTRY_ATTEMPT;
            case MOBILE_PHONE, OFFICE_PHONE -> ThrottleEventKind.PHONE_CODE_ATTEMPT;
        };
    }

    private void progress(DSLContext tx, FlowRecord flow, String actor, String what, String failure) {
        progress(tx, flow, actor, what, failure, null);
    }

    /** {@code method}: only for a gate's outcome (insights count each such event as one verification). */
    private void progress(DSLContext tx, FlowRecord flow, String actor, String what, String failure,
                          AuthMethod method) {
        String who = actor == null || actor.isEmpty() ? "(not yet identified)" : actor;
        AuditEntry entry = failure == null
                ? AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, who, who)
                : AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, who, who, failure);
        audit.append(tx, entry.withKiosk(flow.kioskId()).withMethod(method)
                .withDetails(what + " [flow " + flow.id() + "]"));
    }

    private SsprPolicy effective(SsprPolicy policy) {
        return effective.apply(policy);
    }

    private static String typedUser(String userId) {
        if (userId == null || userId.isBlank() || userId.strip().length() > 320) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "userId", "Enter your user ID (name@domain).");
        }
        return userId.strip().toLowerCase(Locale.ROOT);
    }
}
