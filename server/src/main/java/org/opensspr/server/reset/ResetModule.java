package org.opensspr.server.reset;

import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.CloudPasswordRules;

import org.opensspr.flow.FlowLimits;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.delivery.MailContact;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.ResetNotifications;
import org.opensspr.server.secinfo.SecurityAnswers;
import org.opensspr.server.secinfo.UserTotp;
import org.opensspr.server.writeback.Writeback;

import java.time.Clock;
import java.util.List;

/** Assembles the reset flows from the server's services; the one public door into this package. */
public final class ResetModule {
    private final ResetFlows flows;
    private final ResetCompletion completion;
    private final Runnable mailQueued;
    private final EffectivePolicy effectivePolicy;

    /** The services the flows stand on. */
    public record Services(Database database, Clock clock, PolicyService policies, DirectoryService directory,
                           AuditLog audit, CaptchaService captcha, PasswordHasher hasher, LockoutGuard lockout,
                           CloudPasswordRules rules) {
    }

    private ResetModule(ResetFlows flows, ResetCompletion completion, Runnable mailQueued,
                        EffectivePolicy effectivePolicy) {
        this.flows = flows;
        this.completion = completion;
        this.mailQueued = mailQueued;
        this.effectivePolicy = effectivePolicy;
    }

    /** The gate and delivery parts. */
    public record Gates(VerificationCodes codes, UserTotp totp, SecurityAnswers answers, Outbox outbox,
                        ResetNotifications notifications, Runnable mailQueued, Writeback writeback) {
    }

    public static ResetModule create(Services s, Gates g) {
        ThrottleStore throttles = new ThrottleStore();
        // The message knows it carries the code, and until when: the outbox keeps it no longer.
        CodeMailer mailer = (tx, user, address, code, expiresAt, locale, organization) -> g.outbox().enqueueSecret(tx,
                g.notifications().verificationCode(MailContact.of(user), address, code, FlowLimits.CODE_LIFETIME,
                        organization), expiresAt);
        List<Gate> gates = List.of(new EmailGate(g.codes(), mailer, throttles), new AuthenticatorGate(g.totp()),
                new SecurityQuestionsGate(g.answers()));
        EffectivePolicy effective = new EffectivePolicy(g.writeback() != null);
        ResetFlows flows = new ResetFlows(s.database(), s.clock(), s.policies(), s.directory(), s.audit(),
                new CaptchaGate(s.captcha()), gates, throttles, effective);
        ResetCompletion completion = new ResetCompletion(s.database(), s.clock(), flows, s.policies(), s.directory(),
                s.rules(), s.hasher(), s.lockout(), s.audit(), throttles,
                List.of(new ResetNotifier(s.policies(), g.notifications(), g.outbox(), g.codes())), g.writeback());
        return new ResetModule(flows, completion, g.mailQueued(), effective);
    }

    /** The policy as kiosks meet it; what-if and the impact preview use the same. */
    public EffectivePolicy effectivePolicy() {
        return effectivePolicy;
    }

    public List<ApiRoute<?>> routes() {
        return new ResetFeature(flows, completion, mailQueued).routes();
    }

}
