package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.ErrorCode;
import org.opensspr.flow.FlowLimits;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;
import org.opensspr.server.codes.CodeCheck;
import org.opensspr.server.codes.IssuedCode;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.phone.PhoneNumber;
import org.opensspr.server.phone.PhoneNumbers;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An 8-digit code texted to the mobile phone, or read out by a call to the mobile or office phone (the
 * office phone's extension dialled once the call connects). Sends count towards the hourly limit.
 */
final class PhoneGate implements Gate {
    static final Duration RESEND_PAUSE = Duration.ofSeconds(30);
    static final CodeFormat FORMAT = CodeFormat.digits(VerificationCodes.DIGITS);

    private final VerificationCodes codes;
    private final PhoneSender sender;
    private final ThrottleStore throttles;

    PhoneGate(VerificationCodes codes, PhoneSender sender, ThrottleStore throttles) {
        this.codes = codes;
        this.sender = sender;
        this.throttles = throttles;
    }

    @Override
    public Set<AuthMethod> methods() {
        return Set.of(AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE);
    }

    /** How the code goes: as asked at the choice, else as it went before (send again), else the method's usual way. */
    private PhoneDelivery delivery(DSLContext tx, GateContext context) {
        if (context.delivery() != null) {
            return context.delivery();
        }
        return codes.delivery(tx, context.flow().id(), context.method()).map(PhoneDelivery::valueOf)
                .orElse(context.method() == AuthMethod.OFFICE_PHONE ? PhoneDelivery.CALL : PhoneDelivery.TEXT);
    }

    @Override
    public Challenge open(DSLContext tx, GateContext context) {
        PhoneDelivery delivery = delivery(tx, context);
        Channel channel = delivery == PhoneDelivery.TEXT ? Channel.SMS : Channel.VOICE;
        if (!sender.canDeliver(channel)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "delivery", delivery == PhoneDelivery.TEXT
                    ? "This server can't send text messages; choose a call." : "This server can't place calls; choose a text.");
        }
        PhoneNumber number = number(context);
        IssuedCode code = codes.issue(tx, context.flow().id(), context.method(), delivery.name());
        sender.send(tx, channel, number, code.code(), code.expiresAt(), context.locale(), context.organizationName());
        throttles.record(tx, ThrottleStore.userKey(context.user().id()),
                delivery == PhoneDelivery.TEXT ? ThrottleEventKind.SMS_SENT : ThrottleEventKind.VOICE_CALL_PLACED,
                false, context.now());
        return new Challenge(challenge(context, number, delivery, code.issuedAt()), List.of());
    }

    @Override
    public ChallengeDto describe(DSLContext tx, GateContext context) {
        return challenge(context, number(context), delivery(tx, context),
                codes.issuedAt(tx, context.flow().id(), context.method()).orElse(null));
    }

    private static ChallengeDto challenge(GateContext context, PhoneNumber number, PhoneDelivery delivery, Instant sent) {
        return new ChallengeDto(context.method(), PhoneNumbers.masked(number), FORMAT, List.of(),
                sent == null ? null : sent.plus(FlowLimits.CODE_LIFETIME), sent == null ? null : sent.plus(RESEND_PAUSE),
                delivery, null);
    }

    /** The number on file; one that can't be dialled was never offered (see {@code PhoneContacts}). */
    private static PhoneNumber number(GateContext context) {
        String stored = context.method() == AuthMethod.OFFICE_PHONE
                ? context.user().contact().officePhone() : context.user().contact().mobilePhone();
        return PhoneNumbers.dialable(stored).orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "The phone number on file can't be dialled; choose another method."));
    }

    @Override
    public Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers) {
        CodeCheck check = codes.verify(tx, context.flow().id(), context.method(), Gate.shaped(FORMAT, code));
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
