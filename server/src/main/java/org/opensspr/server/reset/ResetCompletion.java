package org.opensspr.server.reset;

import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.kiosk.KioskCaller;
import org.jooq.DSLContext;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.TicketRequest;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.flow.FlowStep;
import org.opensspr.password.PasswordViolation;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.auth.PasswordRejectedException;
import org.opensspr.server.auth.SignInChannel;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.metrics.FlowFailure;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.CloudPasswordRules;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.signin.UserSignInService;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.server.writeback.ServiceAccountRights;
import org.opensspr.server.writeback.Writeback;
import org.opensspr.server.writeback.WritebackIntent;
import org.opensspr.server.writeback.WritebackOperation;
import org.opensspr.server.writeback.WritebackResult;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.opensspr.server.db.Tables.ADMIN_SESSION;

/**
 * The last step of a flow: the new password, or the unlock. The user's row is locked first, so two
 * concurrent resets of one account run one after the other — and the first to finish ends the other.
 */
public final class ResetCompletion {
    /** Entra's longest password (the cloud rules' maximum); the directory may allow less, never more through us. */
    static final int MAX_PASSWORD_LENGTH = org.opensspr.password.PasswordRequirements.CLOUD.maxLength();

    private final Database database;
    private final Clock clock;
    private final FlowSteps steps;
    private final PolicyService policies;
    private final DirectoryService directory;
    private final CloudPasswordRules rules;
    private final PasswordHasher hasher;
    private final LockoutGuard lockout;
    private final AuditLog audit;
    private final ThrottleStore throttles;
    private final List<CompletionListener> listeners;
    private final Writeback writeback;
    private final FlowMeters meters;
    private final UserCredentials credentials = new UserCredentials();
    private final FlowRepository flows = new FlowRepository();

    /** Told of every completed reset or unlock, inside its transaction (notifications, code invalidation). */
    interface CompletionListener {
        void completed(DSLContext tx, FlowRecord flow, DirectoryUser user, FlowCompletion completion, Instant now);
    }

    ResetCompletion(Database database, Clock clock, FlowSteps steps, PolicyService policies, DirectoryService directory,
                    CloudPasswordRules rules, PasswordHasher hasher, LockoutGuard lockout, AuditLog audit,
                    ThrottleStore throttles, List<CompletionListener> listeners, Writeback writeback, FlowMeters meters) {
        this.database = database;
        this.clock = clock;
        this.steps = steps;
        this.policies = policies;
        this.directory = directory;
        this.rules = rules;
        this.hasher = hasher;
        this.lockout = lockout;
        this.audit = audit;
        this.throttles = throttles;
        this.listeners = List.copyOf(listeners);
        this.writeback = writeback;
        this.meters = meters;
    }

    public FlowResponse setPassword(NewPasswordRequest request, KioskCaller caller) {
        // The check first: nobody's password is looked at, hashed or written for a flow not at this step.
        FlowSteps.Checked checked = steps.precheck(request.ticket(), caller, FlowStep.SetNewPassword.class);
        if (checked.ended() != null) {
            return checked.ended();
        }
        if (checked.flow().onPremises()) {
            return onPremises(request.ticket(), caller, FlowCompletion.PASSWORD_RESET, request.newPassword());
        }
        String hash = checkedHash(checked.flow(), request);
        return steps.step(request.ticket(), caller, FlowStep.SetNewPassword.class, (tx, flow, policy, now) -> {
            DirectoryUser user = claim(tx, flow);
            credentials.setPassword(tx, user.id(), hash, false, now);
            FlowSteps.Result done = finish(tx, flow, user, FlowCompletion.PASSWORD_RESET, now);
            audit.append(tx, AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user.userPrincipalName(),
                    user.userPrincipalName()).withKiosk(flow.kioskId()).withElapsed(elapsed(flow, now)));
            return done;
        });
    }

    public FlowResponse unlock(TicketRequest request, KioskCaller caller) {
        FlowSteps.Checked checked = steps.precheck(request.ticket(), caller, FlowStep.ConfirmUnlock.class);
        if (checked.ended() != null) {
            return checked.ended();
        }
        if (checked.flow().onPremises()) {
            return onPremises(request.ticket(), caller, FlowCompletion.ACCOUNT_UNLOCKED, null);
        }
        return steps.step(request.ticket(), caller, FlowStep.ConfirmUnlock.class, (tx, flow, policy, now) -> {
            DirectoryUser user = claim(tx, flow);
            credentials.unlock(tx, user.id(), now);
            FlowSteps.Result done = finish(tx, flow, user, FlowCompletion.ACCOUNT_UNLOCKED, now);
            audit.append(tx, AuditEntry.success(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE,
                    user.userPrincipalName(), user.userPrincipalName()).withKiosk(flow.kioskId())
                    .withElapsed(elapsed(flow, now)));
            return done;
        });
    }

    /** From the flow's first step to done: the insights' time to reset (ADR 22). */
    private static java.time.Duration elapsed(FlowRecord flow, java.time.Instant now) {
        return java.time.Duration.between(flow.startedAt(), now);
    }

    /** What a held on-premises flow carries to the directory call and back. */
    private record Claim(DirectoryUser user, OnPremAccount account, WritebackIntent intent) {
    }

    /**
     * On-premises accounts, in three transactions around the directory call (ADR 10):
     * <ol>
     * <li>check the step, lock the user, end the user's other flows, record the writeback intent and
     *     hold the flow (its ticket spent) — all committed together;</li>
     * <li>call the directory, holding no database connection;</li>
     * <li>record the outcome with the flow's completion — or, when the directory refused, give the flow
     *     its ticket back so the user can try another password.</li>
     * </ol>
     * Exactly one request can hold a flow, so a completed flow makes exactly one directory call.
     */
    private FlowResponse onPremises(String ticket, KioskCaller caller, FlowCompletion completion, String newPassword) {
        if (writeback == null) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Password writeback to your organization's directory isn't connected; contact your administrator.");
        }
        boolean reset = completion == FlowCompletion.PASSWORD_RESET;
        Class<? extends FlowStep> expected = reset ? FlowStep.SetNewPassword.class : FlowStep.ConfirmUnlock.class;
        if (reset && (newPassword == null || newPassword.isEmpty() || newPassword.length() > MAX_PASSWORD_LENGTH)) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "newPassword",
                    "Enter a password of at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        FlowSteps.Held<Claim> held = steps.hold(ticket, caller, expected, (tx, flow, policy, now) -> {
            DirectoryUser user = claim(tx, flow);
            flows.abandonOtherFlowsOf(tx, user.id(), flow.id(), now);
            OnPremAccount account = new OnPremAccount(user.id(), user.userPrincipalName());
            return new Claim(user, account, writeback.intend(tx, account, flow.id(),
                    reset ? WritebackOperation.RESET : WritebackOperation.UNLOCK));
        });
        if (held.ended() != null) {
            return held.ended();
        }
        Claim claim = held.value();
        DirectoryUser user = claim.user();
        WritebackResult result = writeback.perform(claim.intent(), claim.account(), newPassword);
        if (result instanceof WritebackResult.Done) {
            return steps.finishHeld(held, (tx, current, policy, now) -> {
                writeback.settle(tx, claim.intent(), result);
                credentials.unlock(tx, user.id(), now);
                FlowSteps.Result finished = finish(tx, current, user, completion, now);
                audit.append(tx, AuditEntry.success(reset ? AuditActivity.RESET_PASSWORD_SELF_SERVICE
                                : AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE,
                        user.userPrincipalName(), user.userPrincipalName()).withKiosk(current.kioskId())
                        .withDetails("written back to the on-premises directory").withElapsed(elapsed(current, now)));
                return finished;
            });
        }
        steps.release(held, tx -> {
            writeback.settle(tx, claim.intent(), result, newPassword);
            audit.append(tx, AuditEntry.failure(reset ? AuditActivity.RESET_PASSWORD_SELF_SERVICE
                            : AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE, user.userPrincipalName(),
                    user.userPrincipalName(), result.auditReason()).withKiosk(held.flow().kioskId()));
        });
        meters.failed(FlowFailure.WRITEBACK_FAILED);
        throw switch (result) {
            // The field says why in our words with a stable code; the directory's own text stays beside it.
            case WritebackResult.RejectedByPolicy rejected -> new ApiException(ErrorCode.VALIDATION_FAILED,
                    "Your organization's directory didn't accept this password: " + rejected.directoryMessage(),
                    List.of(new org.opensspr.api.ApiError.FieldError("newPassword", rejected.reason().wire(),
                            DirectoryRefusalMessages.of(rejected.reason()))), null);
            // Not the user's to fix: whom to ask, and (for an outage) that trying again later may work.
            case WritebackResult.NotFound notFound -> new ApiException(ErrorCode.DIRECTORY_REFUSED,
                    "Your account wasn't found in your organization's directory; contact your administrator.");
            case WritebackResult.Unavailable unavailable when ServiceAccountRights.lacking(unavailable) ->
                    new ApiException(ErrorCode.DIRECTORY_REFUSED, "Your organization's directory didn't let the password"
                            + " service make this change; contact your administrator.");
            case WritebackResult.Unavailable unavailable -> new ApiException(ErrorCode.DIRECTORY_UNAVAILABLE,
                    "Your organization's directory can't be reached right now; try again in a few minutes.");
            case WritebackResult.Done done -> new IllegalStateException("handled above");
        };
    }


    /** Checks the rules before any state changes (the ticket stays valid to try another password). */
    private String checkedHash(FlowRecord flow, NewPasswordRequest request) {
        SsprPolicy policy = policies.currentPolicy();
        if (flow.userId() == null) {
            throw new ApiException(ErrorCode.CONFLICT, "This flow is not at that step; continue from its current screen.");
        }
        UserCredentials.RuleFacts user = credentials.ruleFacts(database.dsl(), flow.userId()).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "The account changed during the reset; start again."));
        Optional<String> current = Optional.ofNullable(user.passwordHash());
        List<PasswordViolation> violations = rules.check(policy, request.newPassword(), user.givenName(), user.surname(),
                candidate -> current.map(hash -> hasher.verify(candidate, hash)).orElse(false));
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException(violations).toApiException("newPassword");
        }
        return hasher.hash(request.newPassword());
    }

    /**
     * Makes sure no other flow finished this account meanwhile: the step's check has locked the user's row
     * ({@code FlowSteps.check}), and the flow is read again under that lock.
     */
    private DirectoryUser claim(DSLContext tx, FlowRecord flow) {
        FlowRecord fresh = flows.find(tx, flow.id()).orElseThrow();
        if (fresh.superseded() || fresh.abandonedAt() != null || fresh.stepNumber() != flow.stepNumber()) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Another reset of this account finished first; sign in with the new password or start again.");
        }
        return directory.loadUser(tx, flow.userId()).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "The account changed during the reset; start again."));
    }

    /**
     * What every completion does: clear counters and lockout, end other flows and sessions, tell listeners; the
     * completion counts once the step commits.
     */
    private FlowSteps.Result finish(DSLContext tx, FlowRecord flow, DirectoryUser user, FlowCompletion completion, Instant now) {
        throttles.record(tx, ThrottleStore.userKey(user.id()), ThrottleEventKind.COUNTERS_CLEARED, false, now);
        lockout.recordSuccess(tx, UserSignInService.subject(user.userPrincipalName()), SignInChannel.KIOSK);
        flows.abandonOtherFlowsOf(tx, user.id(), flow.id(), now);
        if (completion == FlowCompletion.PASSWORD_RESET) {
            tx.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.USER_ID.eq(user.id())).execute();
        }
        listeners.forEach(listener -> listener.completed(tx, flow, user, completion, now));
        return new FlowSteps.Result(flow.completed(completion), null, null, null)
                .afterCommit(() -> meters.completed(flow.intent(), flow.onPremises()));
    }
}
