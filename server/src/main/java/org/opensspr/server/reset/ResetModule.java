package org.opensspr.server.reset;

import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.CloudPasswordRules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Assembles the reset flows from the server's services; the one public door into this package. */
public final class ResetModule {
    private final ResetFlows flows;
    private final ResetCompletion completion;

    /** The services the flows stand on. */
    public record Services(Database database, Clock clock, PolicyService policies, DirectoryService directory,
                           AuditLog audit, CaptchaService captcha, PasswordHasher hasher, LockoutGuard lockout,
                           CloudPasswordRules rules) {
    }

    private ResetModule(ResetFlows flows, ResetCompletion completion) {
        this.flows = flows;
        this.completion = completion;
    }

    public static ResetModule create(Services s, List<GateFactory> gateFactories,
                                     List<ResetCompletion.CompletionListener> listeners) {
        ThrottleStore throttles = new ThrottleStore();
        List<Gate> gates = new ArrayList<>();
        gateFactories.forEach(factory -> gates.add(factory.create(throttles)));
        ResetFlows flows = new ResetFlows(s.database(), s.clock(), s.policies(), s.directory(), s.audit(),
                new CaptchaGate(s.captcha()), gates, throttles);
        ResetCompletion completion = new ResetCompletion(s.database(), s.clock(), flows, s.policies(), s.directory(),
                s.rules(), s.hasher(), s.lockout(), s.audit(), throttles, listeners);
        return new ResetModule(flows, completion);
    }

    public List<ApiRoute<?>> routes() {
        return new ResetFeature(flows, completion).routes();
    }

    /** Builds a gate once the shared throttle store exists. */
    @FunctionalInterface
    public interface GateFactory {
        Gate create(ThrottleStore throttles);
    }
}
