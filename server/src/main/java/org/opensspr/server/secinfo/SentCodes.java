package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Masking;
import org.opensspr.flow.FlowLimits;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;
import org.opensspr.server.codes.VerificationCodes;
import org.opensspr.server.delivery.Channel;
import org.opensspr.server.delivery.MailContact;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.PhoneMessages;
import org.opensspr.server.delivery.ResetNotifications;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.phone.PhoneNumber;
import org.opensspr.server.phone.PhoneNumbers;
import org.opensspr.server.secinfo.PendingRegistrations.Purpose;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The codes a security-info session sends: emailed to an address, texted or read out to a number. Each is
 * kept (as an HMAC) for its purpose in the session, queued in the caller's transaction and counted like the
 * reset flow's sends, so registering can't be used to send more than a reset could.
 */
final class SentCodes {
    private static final CodeFormat FORMAT = CodeFormat.digits(VerificationCodes.DIGITS);

    private final PendingRegistrations pending;
    private final Outbox outbox;
    private final ResetNotifications notifications;
    private final ThrottleStore throttles;

    SentCodes(PendingRegistrations pending, Outbox outbox, ResetNotifications notifications, ThrottleStore throttles) {
        this.pending = pending;
        this.outbox = outbox;
        this.notifications = notifications;
        this.throttles = throttles;
    }

    /** Emails a new code for {@code purpose} to {@code address}. */
    void email(DSLContext tx, Checked c, Purpose purpose, String address) {
        Instant expiresAt = c.now().plus(FlowLimits.CODE_LIFETIME);
        String code = pending.issueCode(tx, c.session().id(), purpose, address, c.now(), expiresAt);
        outbox.enqueueSecret(tx, notifications.verificationCode(MailContact.of(c.user()), address, code,
                FlowLimits.CODE_LIFETIME, c.policy().customization().organizationName()), expiresAt);
        throttles.record(tx, ThrottleStore.userKey(c.user().id()), ThrottleEventKind.EMAIL_SENT, false, c.now());
    }

    static ChallengeDto emailChallenge(String address, Instant sent) {
        return new ChallengeDto(AuthMethod.EMAIL, Masking.email(address), FORMAT, List.of(),
                sent.plus(FlowLimits.CODE_LIFETIME), sent.plus(SecurityInfoService.RESEND_PAUSE));
    }

    /** Texts or calls {@code number} with a new code for {@code purpose}; the pending row remembers how. */
    ChallengeDto phone(DSLContext tx, Checked c, Purpose purpose, AuthMethod method, PhoneNumber number,
                       PhoneDelivery asked) {
        PhoneDelivery delivery = deliveryFor(method, asked);
        Instant expiresAt = c.now().plus(FlowLimits.CODE_LIFETIME);
        String code = pending.issueCode(tx, c.session().id(), purpose, delivery.name() + " " + number.stored(),
                c.now(), expiresAt);
        Locale locale = Locale.forLanguageTag(MailContact.of(c.user()).languageTag());
        String organization = c.policy().customization().organizationName();
        Channel channel = delivery == PhoneDelivery.TEXT ? Channel.SMS : Channel.VOICE;
        outbox.enqueueSecret(tx, channel, number.stored(), "", channel == Channel.SMS
                ? PhoneMessages.smsCode(locale, organization, code, FlowLimits.CODE_LIFETIME)
                : PhoneMessages.voiceCode(locale, organization, code), locale.toLanguageTag(), expiresAt);
        throttles.record(tx, ThrottleStore.userKey(c.user().id()), channel == Channel.SMS
                ? ThrottleEventKind.SMS_SENT : ThrottleEventKind.VOICE_CALL_PLACED, false, c.now());
        return new ChallengeDto(method, PhoneNumbers.masked(number), FORMAT, List.of(), expiresAt,
                c.now().plus(SecurityInfoService.RESEND_PAUSE), delivery, null);
    }

    /** The number a pending phone code went to (its row keeps "TEXT +41…" or "CALL +1…;ext=…"). */
    static PhoneNumber numberOf(PendingRegistrations.Pending sent) {
        return PhoneNumber.fromStored(sent.address().substring(sent.address().indexOf(' ') + 1));
    }

    static AuthMethod phoneMethod(Registration kind) {
        return kind == Registration.MOBILE_PHONE ? AuthMethod.MOBILE_PHONE : AuthMethod.OFFICE_PHONE;
    }

    /** How a phone's code goes: as asked, else the method's usual way; an office phone only by a call. */
    static PhoneDelivery deliveryFor(AuthMethod method, PhoneDelivery asked) {
        PhoneDelivery delivery = asked != null ? asked
                : method == AuthMethod.OFFICE_PHONE ? PhoneDelivery.CALL : PhoneDelivery.TEXT;
        if (!delivery.reaches(method)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "delivery", "An office phone can only be called.");
        }
        return delivery;
    }
}
