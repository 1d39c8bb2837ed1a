package org.opensspr.kiosk.wizard;

import org.opensspr.api.ApiError;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.client.CertificatePinMismatchException;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.ServerUnreachableException;
import org.opensspr.client.TlsFailureException;
import org.opensspr.kiosk.deadend.DeadEnd;

import java.util.Set;

/** Turns a failed request into what the person sees: stay on the step with a message, or a dead end. */
public final class Failures {
    /** Password rule codes the server may send back (VALIDATION_FAILED); each has its own message. */
    private static final Set<String> PASSWORD_CODES = Set.of("TOO_SHORT", "TOO_LONG", "TOO_FEW_CHARACTER_CLASSES",
            "DISALLOWED_CHARACTERS", "SAME_AS_CURRENT_PASSWORD", "BANNED_PASSWORD");

    private Failures() {
    }

    public sealed interface Outcome {
        record Stay(String messageKey) implements Outcome {
        }

        record Stop(DeadEnd deadEnd) implements Outcome {
        }
    }

    public static Outcome of(Throwable failure, HelpdeskContactDto helpdesk) {
        return switch (failure) {
            case OpenSsprApiException api -> ofApi(api, helpdesk);
            case ServerUnreachableException u -> stop(DeadEnd.Kind.SERVER_UNREACHABLE, null, helpdesk);
            case TlsFailureException t -> stop(DeadEnd.Kind.SERVER_UNREACHABLE, null, helpdesk);
            case CertificatePinMismatchException p -> stop(DeadEnd.Kind.SERVER_UNREACHABLE, null, helpdesk);
            default -> stop(DeadEnd.Kind.UNEXPECTED, null, helpdesk);
        };
    }

    private static Outcome ofApi(OpenSsprApiException api, HelpdeskContactDto helpdesk) {
        return switch (api.code()) {
            case VALIDATION_FAILED -> new Outcome.Stay(passwordMessage(api));
            case INVALID_VALUE, MISSING_FIELD, WRONG_TYPE, BAD_REQUEST -> new Outcome.Stay("wizard.error.invalid");
            case CODE_INVALID -> new Outcome.Stay("notice.WRONG_CODE");
            case CAPTCHA_INVALID -> new Outcome.Stay("notice.WRONG_CAPTCHA");
            case FLOW_EXPIRED, NOT_FOUND, TICKET_ALREADY_USED -> stop(DeadEnd.Kind.SESSION_EXPIRED, null, helpdesk);
            case CONFLICT -> stop(DeadEnd.Kind.ANOTHER_RESET_FINISHED, null, helpdesk);
            case THROTTLED -> stop(DeadEnd.Kind.KIOSK_BUSY, api.retryAfter().orElse(null), helpdesk);
            case KIOSK_NETWORK_DENIED, KIOSK_REVOKED, UNAUTHENTICATED, FORBIDDEN ->
                    stop(DeadEnd.Kind.KIOSK_NOT_ALLOWED, null, helpdesk);
            case SERVICE_UNAVAILABLE -> stop(DeadEnd.Kind.SERVER_UNREACHABLE, null, helpdesk);
            // turned away before anything happened (the client already tried again): the step still stands
            case BUSY -> new Outcome.Stay("wizard.error.busy");
            // the directory is down: nothing changed and the step still stands, so the user may try again
            case DIRECTORY_UNAVAILABLE -> new Outcome.Stay("password.directory.UNAVAILABLE");
            case DIRECTORY_REFUSED -> stop(DeadEnd.Kind.DIRECTORY_REFUSED, null, helpdesk);
            default -> stop(DeadEnd.Kind.UNEXPECTED, null, helpdesk);
        };
    }

    private static String passwordMessage(OpenSsprApiException api) {
        for (ApiError.FieldError error : api.fieldErrors()) {
            if (PASSWORD_CODES.contains(error.code())) {
                return "password.server." + error.code();
            }
            var refusal = org.opensspr.password.DirectoryRefusal.fromWire(error.code());
            if (refusal.isPresent()) {
                return "password.directory." + refusal.get().name();
            }
        }
        return "wizard.error.invalid";
    }

    private static Outcome stop(DeadEnd.Kind kind, java.time.Instant retryAfter, HelpdeskContactDto helpdesk) {
        return new Outcome.Stop(new DeadEnd(kind, retryAfter, helpdesk));
    }
}
