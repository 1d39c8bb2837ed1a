package org.opensspr.server.reset;

import org.opensspr.server.throttle.ThrottleStore;
import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.flow.FlowLimits;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.codes.CodeCheck;
import org.opensspr.server.codes.IssuedCode;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An 8-digit code sent to the user's alternate (external) email address. */
final class EmailGate implements Gate {
    /** The kiosk offers "send again" after this pause. */
    static final Duration RESEND_PAUSE = Duration.ofSeconds(30);
    static final CodeFormat FORMAT = CodeFormat.digits(VerificationCodes.DIGITS);

    private final VerificationCodes codes;
    private final CodeMailer mailer;
    private final ThrottleStore throttles;

    EmailGate(VerificationCodes codes, CodeMailer mailer, ThrottleStore throttles) {
        this.codes = codes;
        this.mailer = mailer;
        this.throttles = throttles;
    }

    @Override
    public Set<AuthMethod> methods() {
        return Set.of(AuthMethod.EMAIL);
    }

    @Override
    public Challenge open(DSLContext tx, GateContext context) {
        String address = context.user().contact().alternateEmail();
        IssuedCode code = codes.issue(tx, context.flow().id(), AuthMethod.EMAIL);
        mailer.send(tx, context.user(), address, code.code(), code.expiresAt(), context.locale(),
                context.organizationName());
        throttles.record(tx, ThrottleStore.userKey(context.user().id()), ThrottleEventKind.EMAIL_SENT, false,
                context.now());
        return new Challenge(challenge(context, code.issuedAt()), List.of());
    }

    /** The times come from the code on file, so a kiosk that asks again counts down to the same moment. */
    @Override
    public ChallengeDto describe(DSLContext tx, GateContext context) {
        return challenge(context, codes.issuedAt(tx, context.flow().id(), AuthMethod.EMAIL).orElse(null));
    }

    /** What the kiosk shows for a code sent at {@code sent} (null: none on file). */
    private static ChallengeDto challenge(GateContext context, Instant sent) {
        return new ChallengeDto(AuthMethod.EMAIL, FlowResponses.maskEmail(context.user().contact().alternateEmail()),
                FORMAT, List.of(), sent == null ? null : sent.plus(FlowLimits.CODE_LIFETIME),
                sent == null ? null : sent.plus(RESEND_PAUSE));
    }

    @Override
    public Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers) {
        CodeCheck check = codes.verify(tx, context.flow().id(), AuthMethod.EMAIL, Gate.shaped(FORMAT, code));
        return switch (check) {
            case VALID -> new Proof.Passed();
            case EXPIRED -> new Proof.Failed("CODE_EXPIRED", true);
            case WRONG, USED, NOT_ISSUED -> new Proof.Failed("WRONG_CODE", false);
        };
    }

    @Override
    public boolean resendable() {
        return true;
    }
}
