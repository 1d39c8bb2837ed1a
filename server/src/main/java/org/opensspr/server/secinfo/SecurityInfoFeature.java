package org.opensspr.server.secinfo;

import io.javalin.http.HandlerType;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.EmailRegistrationRequest;
import org.opensspr.api.PhoneRegistrationRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.api.SecurityInfoCodeRequest;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityInfoMethodRequest;
import org.opensspr.api.SecurityInfoProofRequest;
import org.opensspr.api.SecurityInfoRequest;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.Request;
import org.opensspr.server.kiosk.KioskCaller;

import java.lang.reflect.Type;
import java.util.List;

/** The signed-in user's security-info routes (the lock screen's registration wizard and Security info page). */
public final class SecurityInfoFeature {
    private static final ErrorCode[] SESSION_ERRORS = {ErrorCode.SESSION_EXPIRED, ErrorCode.CONFLICT};
    private static final ErrorCode[] CHANGE_ERRORS = {ErrorCode.FORBIDDEN, ErrorCode.THROTTLED};

    private final SecurityInfoService service;

    public SecurityInfoFeature(SecurityInfoService service) {
        this.service = service;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                route("", "The signed-in user's security info", SecurityInfoDto.class).body(SecurityInfoRequest.class)
                        .handle(r -> service.view(r.body().session(), caller(r))),
                route("/skip", "Ask me later: end the session; the next sign-in asks again", null)
                        .body(SecurityInfoRequest.class).handle(r -> {
                            service.skip(r.body().session(), caller(r));
                            return null;
                        }),
                route("/end", "End the session (signed out, idle): unproven registrations are discarded", null)
                        .body(SecurityInfoRequest.class).handle(r -> {
                            service.end(r.body().session(), caller(r));
                            return null;
                        }),
                route("/confirm", "Looks good: the user confirms their security info is current", SecurityInfoDto.class)
                        .body(SecurityInfoRequest.class).errors(ErrorCode.FORBIDDEN)
                        .handle(r -> service.confirm(r.body().session(), caller(r))),
                route("/proof/start", "Prove a registered method again: send the code or draw the questions",
                        ChallengeDto.class).body(SecurityInfoMethodRequest.class)
                        .errors(ErrorCode.INVALID_VALUE, ErrorCode.THROTTLED)
                        .handle(r -> service.startProof(r.body().session(), caller(r), r.body().kind(), r.body().delivery())),
                route("/proof", "Enter the code or answer the questions of a registered method", SecurityInfoDto.class)
                        .body(SecurityInfoProofRequest.class).hashing()
                        .errors(ErrorCode.INVALID_VALUE, ErrorCode.MISSING_FIELD, ErrorCode.CODE_INVALID, ErrorCode.THROTTLED)
                        .handle(r -> service.prove(r.body(), caller(r))),
                route("/authenticator/start", "Add the Authenticator app: its secret, once, as text and QR code",
                        AuthenticatorSetupDto.class).body(SecurityInfoRequest.class).errors(CHANGE_ERRORS)
                        .handle(r -> service.startAuthenticator(r.body().session(), caller(r))),
                route("/authenticator/verify", "A code from the new app: the app counts from now", SecurityInfoDto.class)
                        .body(SecurityInfoCodeRequest.class).errors(CHANGE_ERRORS).errors(ErrorCode.CODE_INVALID)
                        .handle(r -> service.verifyAuthenticator(r.body().session(), caller(r), r.body().code())),
                route("/email/start", "Add or change the alternate email: a code is sent to it", ChallengeDto.class)
                        .body(EmailRegistrationRequest.class).errors(CHANGE_ERRORS).errors(ErrorCode.INVALID_VALUE)
                        .handle(r -> service.startEmail(r.body().session(), caller(r), r.body().address())),
                route("/email/verify", "The code sent to the new address: the address counts from now",
                        SecurityInfoDto.class).body(SecurityInfoCodeRequest.class).errors(CHANGE_ERRORS)
                        .errors(ErrorCode.CODE_INVALID)
                        .handle(r -> service.verifyEmail(r.body().session(), caller(r), r.body().code())),
                route("/phone/start", "Add or change a mobile or office phone: it is texted or called with a code",
                        ChallengeDto.class).body(PhoneRegistrationRequest.class).errors(CHANGE_ERRORS)
                        .errors(ErrorCode.INVALID_VALUE)
                        .handle(r -> service.startPhone(r.body().session(), caller(r), r.body())),
                route("/phone/verify", "The code texted or read out to the new number: the number counts from now",
                        SecurityInfoDto.class).body(SecurityInfoCodeRequest.class).errors(CHANGE_ERRORS)
                        .errors(ErrorCode.CODE_INVALID)
                        .handle(r -> service.verifyPhone(r.body().session(), caller(r), r.body().code())),
                route("/questions/catalog", "The security questions on offer, in the session's language",
                        SecurityQuestionsCatalogDto.class).body(SecurityInfoRequest.class)
                        .handle(r -> service.questionsCatalog(r.body().session(), caller(r))),
                route("/questions", "Register security questions and answers (replacing any before)",
                        SecurityInfoDto.class).body(SecurityAnswersRequest.class).hashing().errors(CHANGE_ERRORS)
                        .errors(ErrorCode.VALIDATION_FAILED, ErrorCode.MISSING_FIELD)
                        .handle(r -> service.registerAnswers(r.body(), caller(r))),
                route("/delete", "Delete a registered method", SecurityInfoDto.class)
                        .body(SecurityInfoMethodRequest.class).errors(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND,
                                ErrorCode.MISSING_FIELD)
                        .handle(r -> service.delete(r.body().session(), caller(r), r.body().kind())));
    }

    private static KioskCaller caller(Request<?> request) {
        return KioskCaller.of(request.principal(), request.clientAddress());
    }

    private static ApiRoute.Builder<Object> route(String path, String summary, Type returns) {
        ApiRoute.Builder<Object> builder = ApiRoute.<Object>route(HandlerType.POST, "/security-info" + path, summary,
                Access.SELF_SERVICE).errors(SESSION_ERRORS);
        return returns == null ? builder : builder.returns(returns);
    }
}
