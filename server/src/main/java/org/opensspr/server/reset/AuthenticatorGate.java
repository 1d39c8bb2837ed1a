package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.secinfo.TotpCheck;
import org.opensspr.server.secinfo.UserTotp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Authenticator app's current code (TOTP); nothing is sent, each code works once. */
final class AuthenticatorGate implements Gate {
    static final CodeFormat FORMAT = CodeFormat.digits(Totp.DIGITS);
    private final UserTotp totp;

    AuthenticatorGate(UserTotp totp) {
        this.totp = totp;
    }

    @Override
    public Set<AuthMethod> methods() {
        return Set.of(AuthMethod.MOBILE_APP_CODE);
    }

    @Override
    public Challenge open(DSLContext tx, GateContext context) {
        return new Challenge(describe(tx, context), List.of());
    }

    @Override
    public ChallengeDto describe(DSLContext tx, GateContext context) {
        return new ChallengeDto(AuthMethod.MOBILE_APP_CODE, null, FORMAT, List.of(), null, null);
    }

    @Override
    public Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers) {
        return totp.verify(tx, context.user().id(), Gate.shaped(FORMAT, code), context.now()) == TotpCheck.ACCEPTED
                ? new Proof.Passed() : new Proof.Failed("WRONG_CODE", false);
    }
}
