package org.opensspr.server.reset;

import org.jooq.DSLContext;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.ErrorCode;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.http.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One way of proving identity at a reset gate (email code, authenticator app, security questions;
 * phone and push slot in the same way). Opening sends a code or draws questions; checking verifies
 * the answer. Both run inside the flow's transaction.
 */
interface Gate {

    Set<AuthMethod> methods();

    /** Starts the challenge for {@code method}: sends what must be sent, and says what the kiosk shows. */
    Challenge open(DSLContext tx, GateContext context);

    /** What the kiosk shows for the challenge already open (after a wrong code), without sending anything. */
    org.opensspr.api.ChallengeDto describe(DSLContext tx, GateContext context);

    /** Checks the user's answer to the open challenge. */
    Proof check(DSLContext tx, GateContext context, String code, Map<String, String> answers);

    /**
     * The code as typed (whitespace left out), if it has the shape the challenge announced. Any other shape
     * is refused (400) before it is checked: it can't be right and its shape is no secret, so it is no
     * attempt, costs no ticket and counts towards no block.
     */
    static String shaped(CodeFormat format, String code) {
        if (!format.accepts(code)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "code",
                    "The code has " + format.length() + (format.digitsOnly() ? " digits." : " letters or digits."));
        }
        return CodeFormat.typed(code);
    }

    /** Whether "send again" applies (codes delivered to the user). */
    default boolean resendable() {
        return false;
    }

    /**
     * Whether the answer was counted where it arrived (an app notification's, answered from the phone) rather
     * than when the kiosk asks about it.
     */
    default boolean countedWhereAnswered() {
        return false;
    }

    /**
     * Everything a gate may need about the flow in progress; {@code delivery}: how the user asked for a phone's
     * code at the choice (null otherwise, and when sending again).
     */
    record GateContext(FlowRecord flow, DirectoryUser user, AuthMethod method, Locale locale, Instant now,
                       org.opensspr.policy.SsprPolicy policy, org.opensspr.methods.PhoneDelivery delivery) {
        String organizationName() {
            return policy.customization().organizationName();
        }
    }

    /** What the kiosk shows for an open challenge, and the questions drawn (if any) to remember. */
    record Challenge(ChallengeDto dto, List<String> questionIds) {
    }

    sealed interface Proof {
        record Passed() implements Proof {
        }

        /** A wrong answer; {@code expired} when the code ran out rather than being wrong. */
        record Failed(String notice, boolean expired) implements Proof {
        }

        /** No answer to judge yet (a notification not answered, or no longer answerable): no attempt. */
        record Pending(String notice) implements Proof {
        }
    }
}
