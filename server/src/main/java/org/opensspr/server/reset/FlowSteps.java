package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.CaptchaDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.flow.DeadEndReason;
import org.opensspr.flow.FlowStep;
import org.opensspr.flow.ResetFlowEngine;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.kiosk.KioskCaller;
import org.opensspr.server.metrics.FlowFailure;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.metrics.ThrottleMeters;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.throttling.ThrottleDecision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The step pipeline every reset and unlock step runs through: one check (ADR 10, "no side effect before the
 * check"), the step's work in the same transaction, the ticket swapped, and the engine's next step as the answer.
 * Work that must run outside the database (a directory call, a hash) holds the flow under a ticket that never
 * leaves the server and finishes it afterwards. The steps themselves are in {@link ResetFlows} and
 * {@link ResetCompletion}.
 */
final class FlowSteps {
    private final Database database;
    private final Clock clock;
    private final PolicyService policies;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final ThrottleStore throttles;
    private final FlowMeters meters;
    private final ThrottleMeters throttleMeters;
    private final NewPasswordRules newPasswordRules;
    private final FlowRepository flows = new FlowRepository();
    private final FlowTicket tickets = new FlowTicket(flows);
    private final UserCredentials credentials = new UserCredentials();

    FlowSteps(Database database, Clock clock, PolicyService policies, DirectoryService directory, AuditLog audit,
              ThrottleStore throttles, FlowMeters meters, ThrottleMeters throttleMeters,
              NewPasswordRules newPasswordRules) {
        this.database = database;
        this.clock = clock;
        this.policies = policies;
        this.directory = directory;
        this.audit = audit;
        this.throttles = throttles;
        this.meters = meters;
        this.throttleMeters = throttleMeters;
        this.newPasswordRules = newPasswordRules;
    }

    /**
     * What a step produced: the flow's new facts, what the response should carry, and what to count once its
     * transaction has committed (a rolled-back step counts nothing).
     */
    record Result(FlowRecord flow, CaptchaDto captcha, ChallengeDto challenge, String notice,
                  List<Runnable> measures) {
        Result {
            measures = List.copyOf(measures);
        }

        Result(FlowRecord flow, CaptchaDto captcha, ChallengeDto challenge, String notice) {
            this(flow, captcha, challenge, notice, List.of());
        }

        /** The same result, counting {@code measure} too once the step commits. */
        Result afterCommit(Runnable measure) {
            List<Runnable> all = new java.util.ArrayList<>(measures);
            all.add(measure);
            return new Result(flow, captcha, challenge, notice, all);
        }
    }

    /** A step's answer and what it counts once committed. */
    private record Advanced(FlowResponse response, List<Runnable> measures, OnPremAccount directoryAccount) {
        Advanced(FlowResponse response, List<Runnable> measures) {
            this(response, measures, null);
        }
    }

    /** Called once the step's transaction has committed: counts, then answers (an on-premises user's new-password step with the directory's rules). */
    private FlowResponse committed(Advanced advanced) {
        advanced.measures().forEach(Runnable::run);
        return advanced.directoryAccount() == null ? advanced.response()
                : newPasswordRules.forOnPremises(advanced.response(), advanced.directoryAccount());
    }

    @FunctionalInterface
    interface StepWork {
        Result apply(DSLContext tx, FlowRecord flow, SsprPolicy policy, Instant now);
    }

    /**
     * What the check found: the flow standing at the expected step, or — for a flow already at its end
     * (a dead end, or completed) — the answer to repeat, with nothing changed.
     */
    record Checked(FlowRecord flow, FlowResponse ended) {
    }

    /**
     * The one check every step passes before it may change anything (ADR 10, "no side effect before the
     * check"): the ticket opens a live flow of this caller's, and the engine — from the flow's facts, the gates it passed
     * and the user's throttles — puts it at {@code expected}. It only reads.
     */
    Checked check(DSLContext tx, String ticket, KioskCaller caller, Class<? extends FlowStep> expected,
                  SsprPolicy policy, Instant now) {
        FlowRecord flow = tickets.open(tx, ticket, caller, now);
        if (flow.userId() != null) {
            // One step per user at a time, across flows and kiosks: throttles count what came before.
            credentials.lockRow(tx, flow.userId());
        }
        FlowStep current = currentStep(tx, flow, policy, now);
        if (current instanceof FlowStep.DeadEnd || current instanceof FlowStep.Completed) {
            return new Checked(null, FlowResponses.of(flow, ticket, current, policy.customization(), null, null, null));
        }
        if (!expected.isInstance(current)) {
            throw new ApiException(ErrorCode.CONFLICT, "This flow is not at that step; continue from its current screen.");
        }
        return new Checked(flow, null);
    }

    /** The check alone, for work that must stay outside a transaction (hashing a password): changes nothing. */
    Checked precheck(String ticket, KioskCaller caller, Class<? extends FlowStep> expected) {
        Instant now = clock.instant();
        SsprPolicy policy = policies.currentPolicy();
        return inStep(tx -> check(tx, ticket, caller, expected, policy, now));
    }

    FlowResponse step(String ticket, KioskCaller caller, Class<? extends FlowStep> expected, StepWork work) {
        return stepUnless(ticket, caller, expected, flow -> false, work).orElseThrow();
    }

    /**
     * {@link #step}, unless the checked flow is one {@code elsewhere} says the work isn't for: then the step
     * changes nothing and answers nothing, and the caller takes the flow another way (which checks again).
     */
    Optional<FlowResponse> stepUnless(String ticket, KioskCaller caller, Class<? extends FlowStep> expected,
                                      Predicate<FlowRecord> elsewhere, StepWork work) {
        Instant now = clock.instant();
        SsprPolicy policy = policies.currentPolicy();
        Advanced advanced = inStep(tx -> {
            Checked checked = check(tx, ticket, caller, expected, policy, now);
            if (checked.ended() != null) {
                return new Advanced(checked.ended(), List.of());
            }
            return elsewhere.test(checked.flow()) ? null
                    : advance(tx, ticket, work.apply(tx, checked.flow(), policy, now), policy, now);
        });
        return Optional.ofNullable(advanced).map(this::committed);
    }

    /**
     * A flow held for work outside the database (the directory call): its public ticket is spent, and
     * only {@code heldTicket}, which never leaves the server, opens it — so no second request can
     * complete it, and a crash leaves it held (the writeback intent tells what may have happened).
     */
    record Held<T>(FlowRecord flow, String publicTicket, String heldTicket, T value, FlowResponse ended) {
    }

    @FunctionalInterface
    interface HoldWork<T> {
        T apply(DSLContext tx, FlowRecord flow, SsprPolicy policy, Instant now);
    }

    /** Checks, runs {@code work} and swaps the ticket for a held one, in one committed transaction. */
    <T> Held<T> hold(String ticket, KioskCaller caller, Class<? extends FlowStep> expected, HoldWork<T> work) {
        Instant now = clock.instant();
        SsprPolicy policy = policies.currentPolicy();
        return inStep(tx -> {
            Checked checked = check(tx, ticket, caller, expected, policy, now);
            if (checked.ended() != null) {
                return new Held<T>(null, ticket, null, null, checked.ended());
            }
            T value = work.apply(tx, checked.flow(), policy, now);
            String held = tickets.newTicket();
            if (!flows.advance(tx, checked.flow(), Tokens.sha256Hex(ticket), Tokens.sha256Hex(held), now)) {
                throw new ApiException(ErrorCode.TICKET_ALREADY_USED, "This step was already submitted.");
            }
            return new Held<>(checked.flow().nextStep(), ticket, held, value, null);
        });
    }

    /**
     * Ends a held flow's step. No expiry check here: the work outside (the directory call) has happened,
     * and the flow must record it even if its 15 minutes ran out meanwhile.
     */
    FlowResponse finishHeld(Held<?> held, StepWork work) {
        Instant now = clock.instant();
        SsprPolicy policy = policies.currentPolicy();
        return committed(inStep(tx -> {
            FlowRecord flow = flows.findByTicket(tx, Tokens.sha256Hex(held.heldTicket())).orElseThrow(
                    () -> new IllegalStateException("Held flow " + held.flow().id() + " lost its held ticket"));
            return advance(tx, held.heldTicket(), work.apply(tx, flow, policy, now), policy, now);
        }));
    }

    /** Gives a held flow its public ticket back, after {@code work}: the user may try again from the same step. */
    void release(Held<?> held, Consumer<DSLContext> work) {
        database.inTransactionDo(tx -> {
            work.accept(tx);
            flows.release(tx, held.flow().id(), Tokens.sha256Hex(held.heldTicket()), Tokens.sha256Hex(held.publicTicket()));
        });
    }

    /**
     * A step's one transaction. Its user's throttle events are read once, in the check, and what the step records
     * is added to them for the decision after its work (see {@link ThrottleStore#inTransactionReadingOnce}).
     */
    private <T> T inStep(Function<DSLContext, T> work) {
        return throttles.inTransactionReadingOnce(database, work);
    }

    /** Stores the step's result under a new ticket, if nobody advanced the flow meanwhile, and answers. */
    private Advanced advance(DSLContext tx, String ticket, Result result, SsprPolicy policy, Instant now) {
        String next = tickets.newTicket();
        if (!flows.advance(tx, result.flow(), Tokens.sha256Hex(ticket), Tokens.sha256Hex(next), now)) {
            throw new ApiException(ErrorCode.TICKET_ALREADY_USED, "This step was already submitted.");
        }
        FlowRecord stored = result.flow().nextStep();
        FlowStep step = currentStep(tx, stored, policy, now);
        Result measured = result;
        if (step instanceof FlowStep.DeadEnd dead && dead.reason() == DeadEndReason.BLOCKED) {
            audit.append(tx, AuditEntry.failure(AuditActivity.BLOCKED_FROM_SSPR, stored.enteredUser(),
                    stored.enteredUser(), "too many attempts or sends").withKiosk(stored.kioskId()));
            ThrottleDecision decision = throttles.forUser(tx, ThrottleStore.userKey(stored.userId()), now);
            measured = result.afterCommit(() -> {
                meters.failed(FlowFailure.BLOCKED);
                if (decision instanceof ThrottleDecision.Blocked blocked) {
                    throttleMeters.blocked(blocked.rule());
                }
            });
        }
        return new Advanced(FlowResponses.of(stored, next, step, policy.customization(), result.captcha(),
                result.challenge(), result.notice()), measured.measures(), directoryAccount(tx, stored, step));
    }

    /** The account whose directory rules the answer needs: an on-premises user at SET_NEW_PASSWORD; else null. */
    private OnPremAccount directoryAccount(DSLContext tx, FlowRecord flow, FlowStep step) {
        if (!(step instanceof FlowStep.SetNewPassword) || !flow.onPremises() || flow.userId() == null) {
            return null;
        }
        return directory.loadUser(tx, flow.userId())
                .map(user -> new OnPremAccount(user.id(), user.userPrincipalName())).orElse(null);
    }

    FlowStep currentStep(DSLContext tx, FlowRecord flow, SsprPolicy policy, Instant now) {
        return ResetFlowEngine.next(flow.facts(now, blockedUntil(tx, flow, now),
                policy.onPremises().unlockWithoutReset()));
    }

    private Optional<Instant> blockedUntil(DSLContext tx, FlowRecord flow, Instant now) {
        if (flow.userId() == null || !FlowRecord.ELIGIBLE.equals(flow.outcome())) {
            return Optional.empty();
        }
        return throttles.forUser(tx, ThrottleStore.userKey(flow.userId()), now) instanceof ThrottleDecision.Blocked b
                ? Optional.of(b.until()) : Optional.empty();
    }

}
