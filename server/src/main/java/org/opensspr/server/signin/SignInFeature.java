package org.opensspr.server.signin;

import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.kiosk.KioskCaller;

import java.util.List;

/** The lock screen's sign-in and change-password routes. */
public final class SignInFeature {
    private final UserSignInService service;

    public SignInFeature(UserSignInService service) {
        this.service = service;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(HandlerType.POST, "/signin", "Sign in at the lock screen (cloud users)", Access.SELF_SERVICE)
                        .body(UserSignInRequest.class).hashing().returns(UserSignInResultDto.class)
                        .handle(request -> service.signIn(request.body(),
                                KioskCaller.of(request.principal(), request.clientAddress()))),
                ApiRoute.route(HandlerType.POST, "/signin/pass", "Sign in at the lock screen with a Temporary Access Pass:"
                                + " a proven security-info session that asks to register", Access.SELF_SERVICE)
                        .body(PassSignInRequest.class).hashing().returns(UserSignInResultDto.class)
                        .handle(request -> service.signInWithPass(request.body(),
                                KioskCaller.of(request.principal(), request.clientAddress()))),
                ApiRoute.route(HandlerType.POST, "/password/change", "Change password (knows the current one)",
                                Access.SELF_SERVICE)
                        .body(UserPasswordChangeRequest.class).hashing()
                        .errors(ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED)
                        .handle(request -> {
                            service.changePassword(request.body());
                            return null;
                        }));
    }
}
