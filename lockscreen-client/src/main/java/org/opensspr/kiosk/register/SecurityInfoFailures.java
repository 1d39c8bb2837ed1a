package org.opensspr.kiosk.register;

import org.opensspr.api.ApiError;
import org.opensspr.client.CertificatePinMismatchException;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.ServerUnreachableException;
import org.opensspr.client.TlsFailureException;
import org.opensspr.kiosk.deadend.DeadEnd;

import java.time.Instant;
import java.util.Date;

/**
 * Turns a failed security-info request into what the person sees: stay with a message (a wrong code, too
 * many attempts, a refused answer), sign in again (the session is over), or stop with whom to contact.
 */
final class SecurityInfoFailures {
    private SecurityInfoFailures() {
    }

    sealed interface Outcome {
        record Stay(String messageKey, Object... args) implements Outcome {
        }

        /** 401 SESSION_EXPIRED: the session is over or unknown. */
        record SignInAgain() implements Outcome {
        }

        record Stop(DeadEnd.Kind kind) implements Outcome {
        }
    }

    static Outcome of(Throwable failure) {
        return switch (failure) {
            case OpenSsprApiException api -> ofApi(api);
            case ServerUnreachableException u -> new Outcome.Stop(DeadEnd.Kind.SERVER_UNREACHABLE);
            case TlsFailureException t -> new Outcome.Stop(DeadEnd.Kind.SERVER_UNREACHABLE);
            case CertificatePinMismatchException p -> new Outcome.Stop(DeadEnd.Kind.SERVER_UNREACHABLE);
            default -> new Outcome.Stop(DeadEnd.Kind.UNEXPECTED);
        };
    }

    private static Outcome ofApi(OpenSsprApiException api) {
        return switch (api.code()) {
            case SESSION_EXPIRED -> new Outcome.SignInAgain();
            case THROTTLED -> api.retryAfter().map(SecurityInfoFailures::throttled)
                    .orElseGet(() -> new Outcome.Stay("secinfo.error.throttledNoTime"));
            case CODE_INVALID -> new Outcome.Stay("notice.WRONG_CODE");
            case CONFLICT -> new Outcome.Stay("secinfo.error.conflict", api.error().message() == null ? ""
                    : api.error().message());
            case FLOW_EXPIRED -> new Outcome.Stay("secinfo.error.expired");
            case VALIDATION_FAILED, INVALID_VALUE -> new Outcome.Stay(validationKey(api));
            case MISSING_FIELD, WRONG_TYPE, BAD_REQUEST -> new Outcome.Stay("wizard.error.invalid");
            case KIOSK_NETWORK_DENIED, KIOSK_REVOKED, UNAUTHENTICATED, FORBIDDEN ->
                    new Outcome.Stop(DeadEnd.Kind.KIOSK_NOT_ALLOWED);
            case SERVICE_UNAVAILABLE -> new Outcome.Stop(DeadEnd.Kind.SERVER_UNREACHABLE);
            case BUSY -> new Outcome.Stay("wizard.error.busy");
            default -> new Outcome.Stop(DeadEnd.Kind.UNEXPECTED);
        };
    }

    private static Outcome throttled(Instant retryAfter) {
        return new Outcome.Stay("secinfo.error.throttled", Date.from(retryAfter));
    }

    /** The refused answers are shown beside each answer; the message says what to do about them. */
    private static String validationKey(OpenSsprApiException api) {
        for (ApiError.FieldError error : api.fieldErrors()) {
            if ("NOT_FOR_ADMINISTRATORS".equals(error.code())) {
                return "secinfo.answer.NOT_FOR_ADMINISTRATORS";
            }
            if ("TOO_FEW_ANSWERS".equals(error.code())) {
                return "secinfo.answer.TOO_FEW_ANSWERS";
            }
            if (error.field() != null && error.field().startsWith("answers")) {
                return "secinfo.questions.fix";
            }
            if ("number".equals(error.field()) || "extension".equals(error.field())) {
                return "secinfo.phone.fix";
            }
            if (error.field() != null && error.field().startsWith("address")) {
                return "secinfo.email.invalid";
            }
        }
        return "wizard.error.invalid";
    }
}
