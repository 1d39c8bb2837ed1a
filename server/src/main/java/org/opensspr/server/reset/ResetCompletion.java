package org.opensspr.server.reset;

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
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.CloudPasswordRules;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.signin.UserSignInService;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.server.writeback.Writeback;
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
    private final Database database;
    private final Clock clock;
    private final ResetFlows steps;
    private final PolicyService policies;
    private final DirectoryService directory;
    private final CloudPasswordRules rules;
    private final PasswordHasher hasher;
    private final LockoutGuard lockout;
    private final AuditLog audit;
    private final ThrottleStore throttles;
    private final List<CompletionListener> listeners;
    private final Writeback writeback;
    private final UserCredentials credentials = new UserCredentials();
    private final FlowRepository flows = new FlowRepository();

    /** Told of every completed reset or unlock, inside its transaction (notifications, code invalidation). */
    interface CompletionListener {
        void completed(DSLContext tx, FlowRecord flow, DirectoryUser user, FlowCompletion completion, Instant now);
    }

    ResetCompletion(Database database, Clock clock, ResetFlows steps, PolicyService policies, DirectoryService directory,
                    CloudPasswordRules rules, PasswordHasher hasher, LockoutGuard lockout, AuditLog audit,
                    ThrottleStore throttles, List<CompletionListener> listeners, Writeback writeback) {
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
    }

    public FlowResponse setPassword(NewPasswordRequest request) {
        FlowRecord peeked = peek(request.ticket());
        if (peeked.onPremises()) {
            return onPremises(peeked, request.ticket(), FlowCompletion.PASSWORD_RESET,
                    account -> writeback.reset(account, request.newPassword(), peeked.id()));
        }
        String hash = checkedHash(peeked, request);
        return steps.step(request.ticket(), FlowStep.SetNewPassword.class, (tx, flow, policy, now) -> {
            DirectoryUser user = claim(tx, flow);
            credentials.setPassword(tx, user.id(), hash, false, now);
            FlowRecord done = finish(tx, flow, user, FlowCompletion.PASSWORD_RESET, now);
            audit.append(tx, AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user.userPrincipalName(),
                    user.userPrincipalName()).withKiosk(flow.kioskId()));
            return new ResetFlows.Result(done, null, null, null);
        });
    }

    public FlowResponse unlock(TicketRequest request) {
        FlowRecord peeked = peek(request.ticket());
        if (peeked.onPremises()) {
            return onPremises(peeked, request.ticket(), FlowCompletion.ACCOUNT_UNLOCKED,
                    account -> writeback.unlock(account, peeked.id()));
        }
        return steps.step(request.ticket(), FlowStep.ConfirmUnlock.class, (tx, flow, policy, now) -> {
            DirectoryUser user = claim(tx, flow);
            credentials.unlock(tx, user.id(), now);
            FlowRecord done = finish(tx, flow, user, FlowCompletion.ACCOUNT_UNLOCKED, now);
            audit.append(tx, AuditEntry.success(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE,
                    user.userPrincipalName(), user.userPrincipalName()).withKiosk(flow.kioskId()));
            return new ResetFlows.Result(done, null, null, null);
        });
    }

    /** The flow behind a ticket, checked but not advanced. */
    private FlowRecord peek(String ticket) {
        Instant now = clock.instant();
        return database.inTransaction(tx -> new FlowTicket(flows).open(tx, ticket, now));
    }

    /**
     * On-premises accounts: the other flows of the user end first (so two resets can't both write to
     * the directory), then the directory call runs behind a committed intent record, and only a
     * confirmed change completes the flow.
     */
    private FlowResponse onPremises(FlowRecord flow, String ticket, FlowCompletion completion,
                                    java.util.function.Function<OnPremAccount, WritebackResult> call) {
        if (writeback == null || flow.userId() == null) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Password writeback to your organization's directory isn't connected; contact your administrator.");
        }
        Class<? extends FlowStep> expected = completion == FlowCompletion.PASSWORD_RESET
                ? FlowStep.SetNewPassword.class : FlowStep.ConfirmUnlock.class;
        DirectoryUser user = database.inTransaction(tx -> {
            DirectoryUser claimed = claim(tx, flow);
            flows.abandonOtherFlowsOf(tx, claimed.id(), flow.id(), clock.instant());
            return claimed;
        });
        WritebackResult result = call.apply(new OnPremAccount(user.id(), user.userPrincipalName()));
        return switch (result) {
            case WritebackResult.Done done -> steps.step(ticket, expected, (tx, current, policy, now) -> {
                credentials.unlock(tx, user.id(), now);
                FlowRecord finished = finish(tx, current, user, completion, now);
                audit.append(tx, AuditEntry.success(completion == FlowCompletion.PASSWORD_RESET
                                ? AuditActivity.RESET_PASSWORD_SELF_SERVICE : AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE,
                        user.userPrincipalName(), user.userPrincipalName()).withKiosk(current.kioskId())
                        .withDetails("written back to the on-premises directory"));
                return new ResetFlows.Result(finished, null, null, null);
            });
            case WritebackResult.RejectedByPolicy rejected -> throw ApiException.field(ErrorCode.VALIDATION_FAILED,
                    "newPassword", "Your organization's directory didn't accept this password: "
                            + rejected.directoryMessage());
            case WritebackResult.NotFound notFound -> throw new ApiException(ErrorCode.CONFLICT,
                    "Your account wasn't found in your organization's directory; contact your administrator.");
            case WritebackResult.Unavailable unavailable -> throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Your organization's directory can't be reached right now; try again in a few minutes.");
        };
    }

    /** Checks the rules before any state changes (the ticket stays valid to try another password). */
    private String checkedHash(FlowRecord flow, NewPasswordRequest request) {
        SsprPolicy policy = policies.currentPolicy();
        if (flow.userId() == null) {
            throw new ApiException(ErrorCode.CONFLICT, "This flow is not at that step; continue from its current screen.");
        }
        DirectoryUser user = directory.loadUser(flow.userId()).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "The account changed during the reset; start again."));
        Optional<String> current = credentials.findByUpn(database.dsl(), user.userPrincipalName())
                .map(UserCredentials.Credential::passwordHash);
        List<PasswordViolation> violations = rules.check(policy, request.newPassword(), user.givenName(), user.surname(),
                candidate -> current.map(hash -> hasher.verify(candidate, hash)).orElse(false));
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException(violations).toApiException("newPassword");
        }
        return hasher.hash(request.newPassword());
    }

    /** Locks the user's row, then makes sure no other flow finished this account meanwhile. */
    private DirectoryUser claim(DSLContext tx, FlowRecord flow) {
        credentials.lockRow(tx, flow.userId());
        FlowRecord fresh = flows.find(tx, flow.id()).orElseThrow();
        if (fresh.superseded() || fresh.abandonedAt() != null || fresh.stepNumber() != flow.stepNumber()) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Another reset of this account finished first; sign in with the new password or start again.");
        }
        return directory.loadUser(flow.userId()).orElseThrow(
                () -> new ApiException(ErrorCode.CONFLICT, "The account changed during the reset; start again."));
    }

    /** What every completion does: clear counters and lockout, end other flows and sessions, tell listeners. */
    private FlowRecord finish(DSLContext tx, FlowRecord flow, DirectoryUser user, FlowCompletion completion, Instant now) {
        throttles.record(tx, ThrottleStore.userKey(user.id()), ThrottleEventKind.COUNTERS_CLEARED, false, now);
        lockout.recordSuccess(tx, UserSignInService.subject(user.userPrincipalName()), SignInChannel.KIOSK);
        flows.abandonOtherFlowsOf(tx, user.id(), flow.id(), now);
        if (completion == FlowCompletion.PASSWORD_RESET) {
            tx.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.USER_ID.eq(user.id())).execute();
        }
        listeners.forEach(listener -> listener.completed(tx, flow, user, completion, now));
        return flow.completed(completion);
    }
}
