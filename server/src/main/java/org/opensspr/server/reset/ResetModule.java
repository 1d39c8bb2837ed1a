package org.opensspr.server.reset;

import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.metrics.FlowMeters;
import org.opensspr.server.metrics.ThrottleMeters;
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

import org.jooq.DSLContext;
import org.opensspr.api.ApiPaths;
import org.opensspr.server.crypto.KeyedHash;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.delivery.PhoneMessages;
import org.opensspr.server.delivery.PushNotice;
import org.opensspr.server.phone.PhoneNumber;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Assembles the reset flows from the server's services; the one public door into this package. */
public final class ResetModule {
    /** The {@code SecretBox#keyedHash} purpose that signs app notifications' answer links. */
    public static final String PUSH_TOKEN_PURPOSE = "push_challenge.token";

    private final ResetFlows flows;
    private final ResetCompletion completion;
    private final NotificationAnswers answers;
    private final Runnable mailQueued;
    private final EffectivePolicy effectivePolicy;
    private final AfterReset afterReset;

    /** The services the flows stand on. */
    public record Services(Database database, Clock clock, PolicyService policies, DirectoryService directory,
                           AuditLog audit, CaptchaService captcha, PasswordHasher hasher, LockoutGuard lockout,
                           CloudPasswordRules rules, FlowMeters meters, ThrottleMeters throttleMeters) {
    }

    private ResetModule(ResetFlows flows, ResetCompletion completion, NotificationAnswers answers, Runnable mailQueued,
                        EffectivePolicy effectivePolicy, AfterReset afterReset) {
        this.flows = flows;
        this.answers = answers;
        this.completion = completion;
        this.mailQueued = mailQueued;
        this.effectivePolicy = effectivePolicy;
        this.afterReset = afterReset;
    }

    /**
     * The gate and delivery parts. {@code deliverable}: the channels this server has a courier for;
     * {@code publicUrl}: where phones reach this server (the notification's answer URL); {@code pushSigner}
     * signs those URLs.
     */
    public record Gates(VerificationCodes codes, UserTotp totp, SecurityAnswers answers, Outbox outbox,
                        ResetNotifications notifications, Runnable mailQueued, Writeback writeback,
                        Set<Channel> deliverable, Supplier<URI> publicUrl, KeyedHash pushSigner) {
    }

    public static ResetModule create(Services s, Gates g) {
        ThrottleStore throttles = new ThrottleStore();
        // The message knows it carries the code, and until when: the outbox keeps it no longer.
        CodeMailer mailer = (tx, user, address, code, expiresAt, locale, organization) -> g.outbox().enqueueSecret(tx,
                g.notifications().verificationCode(MailContact.of(user), address, code, FlowLimits.CODE_LIFETIME,
                        organization), expiresAt);
        PushChallenges pushes = new PushChallenges(g.pushSigner());
        List<Gate> gates = List.of(new EmailGate(g.codes(), mailer, throttles), new AuthenticatorGate(g.totp()),
                new SecurityQuestionsGate(g.answers()), new PhoneGate(g.codes(), phoneSender(g), throttles),
                new AppNotificationGate(pushes, pushSender(g), g.totp(), throttles));
        EffectivePolicy effective = new EffectivePolicy(g.writeback() != null, EffectivePolicy.over(g.deliverable()));
        FlowSteps steps = new FlowSteps(s.database(), s.clock(), s.policies(), s.directory(), s.audit(), throttles,
                s.meters(), s.throttleMeters(), new NewPasswordRules(g.writeback()));
        ResetFlows flows = new ResetFlows(steps, s.database(), s.clock(), s.policies(), s.directory(), s.audit(),
                new CaptchaGate(s.captcha()), gates, throttles, effective, s.meters(), s.throttleMeters());
        ResetNotifier notifier = new ResetNotifier(s.policies(), g.notifications(), g.outbox(), g.codes());
        ResetCompletion completion = new ResetCompletion(s.database(), s.clock(), steps, s.policies(), s.directory(),
                s.rules(), s.hasher(), s.lockout(), s.audit(), throttles, List.of(notifier), g.writeback(), s.meters());
        NotificationAnswers answers = new NotificationAnswers(s.database(), s.clock(), pushes, new FlowRepository(),
                throttles, s.audit());
        return new ResetModule(flows, completion, answers, g.mailQueued(), effective, new AfterReset(g.codes(), notifier));
    }

    private static PhoneSender phoneSender(Gates g) {
        return new PhoneSender() {
            @Override
            public void send(DSLContext tx, Channel channel, PhoneNumber to, String code, Instant expiresAt,
                             Locale locale, String organizationName) {
                String body = channel == Channel.SMS
                        ? PhoneMessages.smsCode(locale, organizationName, code, FlowLimits.CODE_LIFETIME)
                        : PhoneMessages.voiceCode(locale, organizationName, code);
                g.outbox().enqueueSecret(tx, channel, to.stored(), "", body, locale.toLanguageTag(), expiresAt);
            }

            @Override
            public boolean canDeliver(Channel channel) {
                return g.deliverable().contains(channel);
            }
        };
    }

    /** The notification as the outbox keeps it: words, the answer URL and the numbers (see {@code PushNotice}). */
    private static PushSender pushSender(Gates g) {
        return (tx, topic, token, choices, expiresAt, context) -> {
            String title = PhoneMessages.pushTitle(context.locale(), context.organizationName());
            PushNotice notice = new PushNotice(title,
                    PhoneMessages.pushMessage(context.locale(), context.organizationName(),
                            context.user().userPrincipalName()),
                    g.publicUrl().get().resolve(ApiPaths.PUSH_ANSWERS + "/" + token).toString(), choices);
            g.outbox().enqueueSecret(tx, Channel.PUSH, topic, title, notice.toJson(),
                    context.locale().toLanguageTag(), expiresAt);
        };
    }

    /** The policy as kiosks meet it; what-if and the impact preview use the same. */
    public EffectivePolicy effectivePolicy() {
        return effectivePolicy;
    }

    /** What a helpdesk reset or unlock shares with the lock screen's: flows and codes ended, notifications queued. */
    public AfterReset afterReset() {
        return afterReset;
    }

    public List<ApiRoute<?>> routes() {
        return new ResetFeature(flows, completion, answers, mailQueued).routes();
    }

}
